import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deleteCell,
  insertCell,
  moveCell,
  setFrontMatter,
  updateCell,
} from '../../../web/notebook/edit';
import { parse } from '../../../web/notebook/parse';
import { serialize } from '../../../web/notebook/serialize';

const dir = join(import.meta.dirname, '../../golden/notebook/input');
const goldens = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
// Every input also as CRLF and without its final newline, whatever git does to line endings.
const variants = goldens.flatMap(({ name, text }) => {
  const lf = text.replace(/\r\n/g, '\n');
  return [
    { name, text },
    { name: `${name} (CRLF)`, text: lf.replace(/\n/g, '\r\n') },
    { name: `${name} (no final newline)`, text: text.replace(/(\r\n|\n)+$/, '') },
  ];
});
const parsable = variants.filter((v) => parse(v.text).errors.length === 0);

describe('serialize', () => {
  it('covers CRLF and missing final newline inputs', () => {
    expect(goldens.some((g) => g.text.includes('\r\n'))).toBe(true);
    expect(goldens.some((g) => g.text !== '' && !g.text.endsWith('\n'))).toBe(true);
    expect(parsable.length).toBeGreaterThan(30);
  });

  it.each(parsable)('round-trips $name byte for byte', ({ text }) => {
    expect(serialize(parse(text))).toBe(text);
  });

  it.each(parsable)('rewrites only the edited cell of $name', ({ text }) => {
    const notebook = parse(text);
    notebook.cells.forEach((cell, i) => {
      if (cell.kind === 'break') return;
      const source =
        cell.kind === 'md'
          ? `${cell.source || 'Prose'} (edited)`
          : `${cell.source}\n// edited \`\`\`\``;
      const edited = serialize(updateCell(notebook, cell.id, { source }));
      const trailStart = cell.end - cell.trail.length;
      expect(edited.slice(0, cell.start + cell.lead.length)).toBe(
        text.slice(0, cell.start + cell.lead.length),
      );
      expect(edited.endsWith(text.slice(trailStart))).toBe(true);
      const reparsed = parse(edited);
      expect(reparsed.errors).toEqual([]);
      expect(reparsed.cells.map((c) => c.kind)).toEqual(notebook.cells.map((c) => c.kind));
      expect(reparsed.cells[i]!.source).toBe(source);
    });
  });

  it('refuses to write a notebook with parse errors', () => {
    const notebook = parse('# t\n```js\nconst x = 1\n');
    expect(notebook.errors).toEqual([
      { message: 'unterminated fence', line: 2, column: 1, offset: 4 },
    ]);
    expect(() => serialize(notebook)).toThrow(/parse errors/);
    expect(() => updateCell(notebook, notebook.cells[0]!.id, { source: 'x' })).toThrow(
      /parse errors/,
    );
  });

  it('picks a fence longer than any backtick run in the source', () => {
    const notebook = parse('```js\n1\n```\n');
    const edited = updateCell(notebook, notebook.cells[0]!.id, { source: 'const s = "````"' });
    expect(serialize(edited)).toBe('`````js\nconst s = "````"\n`````\n');
  });
});

describe('edit', () => {
  const text = '# Title\n\n```js\nconst a = 1\n```\n\n```sql id=q\nSELECT ${a}\n```\nEnd.\n';

  it('inserts cells with normalized fences, separating adjacent prose', () => {
    const notebook = parse(text);
    const withCode = insertCell(notebook, 1, { kind: 'js', source: 'const b = 2' });
    const withProse = insertCell(withCode, 1, { kind: 'md', source: 'Intro.' });
    expect(serialize(withProse)).toBe(
      '# Title\n\nIntro.\n```js\nconst b = 2\n```\n```js\nconst a = 1\n```\n\n```sql id=q\nSELECT ${a}\n```\nEnd.\n',
    );
    // The format cannot hold two adjacent prose cells: on reading back they are one paragraph pair.
    expect(parse(serialize(withProse)).cells.map((c) => c.source)).toEqual([
      '# Title\n\nIntro.',
      ...withProse.cells.slice(2).map((c) => c.source),
    ]);
  });

  it('deletes a cell with its surrounding blank lines', () => {
    const notebook = parse(text);
    expect(serialize(deleteCell(notebook, notebook.cells[1]!.id))).toBe(
      '# Title\n\n```sql id=q\nSELECT ${a}\n```\nEnd.\n',
    );
  });

  it('moves cells, keeping each block intact', () => {
    const notebook = parse(text);
    const moved = moveCell(notebook, notebook.cells[3]!.id, 0);
    expect(serialize(moved)).toBe(
      'End.\n\n# Title\n\n```js\nconst a = 1\n```\n\n```sql id=q\nSELECT ${a}\n```\n',
    );
    expect(moved.cells.map((c) => c.id)).toEqual([3, 0, 1, 2].map((i) => notebook.cells[i]!.id));
  });

  it('keeps the file line ending for rendered cells', () => {
    const crlf = parse(text.replace(/\n/g, '\r\n'));
    const edited = updateCell(crlf, crlf.cells[1]!.id, { source: 'const a = 2\nconst z = 0' });
    expect(serialize(edited)).toBe(
      text.replace('const a = 1', 'const a = 2\nconst z = 0').replace(/\n/g, '\r\n'),
    );
  });

  it('re-renders edited front matter and keeps the body', () => {
    const notebook = parse('---\ntitle: A\n---\nBody\n');
    const edited = setFrontMatter(notebook, { title: 'B: two', datasets: ['x', { name: 'y' }] });
    const out = serialize(edited);
    expect(out).toBe('---\ntitle: "B: two"\ndatasets: [x, {name: y}]\n---\nBody\n');
    expect(parse(out).frontMatter!.data).toEqual({
      title: 'B: two',
      datasets: ['x', { name: 'y' }],
    });
  });

  it('gives stable ids: content hashes, repeats numbered', () => {
    const notebook = parse('```js\n1\n```\n```js\n1\n```\n```js\n2\n```\n');
    const [a, b, c] = notebook.cells.map((cell) => cell.id);
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(b).toBe(`${a}-1`);
    expect(c).not.toBe(a);
    expect(parse('```js\n2\n```\n').cells[0]!.id).toBe(c);
    expect(parse('```js echo\n2\n```\n').cells[0]!.id).not.toBe(c);
  });
});
