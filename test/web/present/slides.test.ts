import { describe, expect, it } from 'vitest';
import { parse } from '../../../web/notebook/parse';
import { slideIndexById, slidesOf } from '../../../web/present/slides';

const titles = (text: string) => slidesOf(parse(text).cells).map((s) => s.title);

describe('slides of a notebook', () => {
  it('splits at `---` lines, keeps the cells in order and drops empty slides', () => {
    const text = [
      '---\ntitle: T\n---\n', // front matter is not a break
      '# One\n\n```js\nconst a = 1\n```\n\n---\n\n---\n\n',
      '## Two\n<!-- notes: say two -->\n\n```js\na + 1\n```\n\n---\n\nNo heading here\n',
    ].join('');
    const notebook = parse(text);
    const slides = slidesOf(notebook.cells);
    expect(slides.map((s) => s.title)).toEqual(['One', 'Two', 'Slide 3']);
    expect(slides.map((s) => s.cellIds.length)).toEqual([2, 2, 1]);
    expect(slides[1]!.notes).toEqual(['say two']);
    const byId = slideIndexById(slides);
    const kinds = notebook.cells.filter((c) => c.kind !== 'break').map((c) => byId.get(c.id));
    expect(kinds).toEqual([0, 0, 1, 1, 2]);
  });

  it('a setext underline is a heading, not a break', () => {
    expect(titles('Title\n---\n\ntext\n')).toEqual(['Slide 1']);
  });

  it('without `---`, cuts at each top-level heading: the highest level used more than once', () => {
    const text =
      '# Study\n\nintro\n\n```js\n1\n```\n\n## A\n\n### sub\n\n```js\n2\n```\n\n## B\n\n```js\n3\n```\n';
    const slides = slidesOf(parse(text).cells);
    expect(slides.map((s) => s.title)).toEqual(['Study', 'A', 'B']);
    expect(slides.map((s) => s.cellIds.length)).toEqual([2, 2, 2]);
    // A slide is made of whole cells: headings inside one prose block stay on one slide.
    expect(titles('## A\n\ntext\n\n## B\n')).toEqual(['A']);
    // Two `#` headings: `#` is the level.
    expect(titles('# A\n\n```js\n1\n```\n\n# B\n\n## b1\n\n```js\n2\n```\n\n## b2\n')).toEqual([
      'A',
      'B',
    ]);
    // No heading and no break: one slide.
    expect(titles('text\n\n```js\n1\n```\n')).toEqual(['Slide 1']);
  });

  it('handles a 200-slide deck', () => {
    const text = Array.from(
      { length: 200 },
      (_, i) => `## Slide number ${i + 1}\n\n\`\`\`js\n${i}\n\`\`\`\n`,
    ).join('\n---\n\n');
    const slides = slidesOf(parse(text).cells);
    expect(slides).toHaveLength(200);
    expect(slides[199]!.title).toBe('Slide number 200');
    expect(slides.every((s) => s.cellIds.length === 2)).toBe(true);
  });
});
