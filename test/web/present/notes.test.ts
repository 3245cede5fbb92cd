import { describe, expect, it } from 'vitest';
import { parse } from '../../../web/notebook/parse';
import { isNotesCell, notesOf, stripNotes } from '../../../web/present/notes';
import { slidesOf } from '../../../web/present/slides';

describe('speaker notes', () => {
  const text =
    '# Slide\n\n<!-- notes: say hello\nand wave -->\nBody <!-- notes: inline --> end\n<!-- plain comment -->\n';

  it('reads every notes comment, trimmed, in order', () => {
    expect(notesOf(text)).toEqual(['say hello\nand wave', 'inline']);
  });

  it('removes notes (and the lines they stood alone on) but keeps other comments', () => {
    expect(stripNotes(text)).toBe('# Slide\n\nBody  end\n<!-- plain comment -->\n');
    expect(notesOf(stripNotes(text))).toEqual([]);
  });
});

describe('speaker notes as a fenced ```notes block', () => {
  const deck = [
    '---\ntitle: Deck\n---\n',
    '# One\n<!-- notes: first -->\n\n```notes\nthen the block\n  indented\n```\n\n```js\n1 + 1\n```\n',
    '\n---\n\n# Two\n\n~~~~Notes\nupper-case fence\n~~~~\n\n```js\n// ```notes inside code stays\n```\n',
  ].join('');

  it('is a notes cell only for the `notes` language', () => {
    const cells = parse(deck).cells;
    expect(cells.filter(isNotesCell).map((c) => c.source)).toEqual([
      'then the block\n  indented',
      'upper-case fence',
    ]);
    expect(isNotesCell(parse('```note\nx\n```\n').cells[0]!)).toBe(false);
  });

  it("joins the slide's notes, comments and blocks, in document order", () => {
    expect(slidesOf(parse(deck).cells).map((s) => s.notes)).toEqual([
      ['first', 'then the block\n  indented'],
      ['upper-case fence'],
    ]);
  });

  it('is removed whole, with the blank line that set it apart; front matter and other fences kept', () => {
    expect(stripNotes(deck)).toBe(
      [
        '---\ntitle: Deck\n---\n',
        '# One\n\n```js\n1 + 1\n```\n',
        '\n---\n\n# Two\n\n```js\n// ```notes inside code stays\n```\n',
      ].join(''),
    );
    expect(parse(stripNotes(deck)).cells.filter(isNotesCell)).toEqual([]);
  });

  it('an empty block adds no note; an unterminated one is removed to the end', () => {
    expect(slidesOf(parse('# A\n```notes\n```\n').cells)[0]!.notes).toEqual([]);
    expect(stripNotes('# A\n```notes\nrest of file\n')).toBe('# A\n');
  });
});
