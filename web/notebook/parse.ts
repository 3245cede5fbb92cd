import { cellHash, uniqueIds } from './cell-id';
import { kindOfLang, parseInfo } from './fence';
import { parseFrontMatter } from './front-matter';
import { errorAt } from './position';
import { segment, splitLines, type Line, type Segment } from './segments';
import type { Cell, FrontMatter, Notebook, NotebookError } from './types';
import { YamlError } from './yaml-flow';

/**
 * Parses a notebook file into front matter and cells, keeping every byte: `serialize(parse(t))`
 * is `t`. Errors (bad front matter, unterminated fence) come with line and column; cells are still
 * returned for display, but such a notebook must not be serialized.
 * @example parse('# Hi\n```js\n1 + 1\n```\n').cells.map((c) => c.kind) // ['md', 'js']
 */
export function parse(text: string): Notebook {
  const errors: NotebookError[] = [];
  const eol = /\r\n|\n|\r/.exec(text)?.[0] === '\r\n' ? '\r\n' : '\n';
  const lines = splitLines(text);
  const frontMatter = parseFrontMatterBlock(text, lines, errors);
  const bodyLines = frontMatter ? splitLines(text, frontMatter.raw.length) : lines;
  const cells: Cell[] = [];
  let pendingLead = '';
  for (const seg of segment(text, bodyLines)) {
    const raw = text.slice(seg.start, seg.end);
    if (seg.type === 'text' && raw.trim() === '') {
      const last = cells[cells.length - 1];
      if (!last) pendingLead += raw;
      else {
        last.trail += raw;
        last.end = seg.end;
      }
      continue;
    }
    if (seg.type === 'fence' && !seg.closed) {
      errors.push(errorAt(text, seg.start + seg.open.indent, 'unterminated fence'));
    }
    const cell = cellOf(text, seg);
    cell.lead = pendingLead + cell.lead;
    cell.start -= pendingLead.length;
    pendingLead = '';
    cells.push(cell);
  }
  if (pendingLead) cells.push(emptyProse(pendingLead, text.length - pendingLead.length));
  return { frontMatter, cells: withIds(cells), slides: slidesOf(cells), errors, eol };
}

function parseFrontMatterBlock(
  text: string,
  lines: readonly Line[],
  errors: NotebookError[],
): FrontMatter | null {
  const first = lines[0];
  if (!first || !/^\uFEFF?---[ \t]*$/.test(text.slice(first.start, first.contentEnd))) return null;
  const close = lines.findIndex(
    (l, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(text.slice(l.start, l.contentEnd)),
  );
  if (close < 0) {
    errors.push(errorAt(text, 0, 'unterminated front matter'));
    return null;
  }
  const raw = text.slice(0, lines[close]!.end);
  const inner = text.slice(first.end, lines[close]!.start);
  try {
    return { data: parseFrontMatter(inner), raw };
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    errors.push(errorAt(text, first.end + error.offset, `front matter: ${error.message}`));
    return { data: {}, raw };
  }
}

function cellOf(text: string, seg: Segment): Cell {
  const base = { id: '', slide: 0, lead: '', trail: '', start: seg.start, end: seg.end };
  const body = text.slice(seg.start, seg.end);
  if (seg.type === 'break') {
    return { ...base, kind: 'break', source: '---', attributes: {}, fence: null, body };
  }
  if (seg.type === 'fence') {
    const { lang, attributes } = parseInfo(seg.open.info);
    const source = seg.content
      .map((l) => stripIndent(text.slice(l.start, l.contentEnd), seg.open.indent))
      .join('\n');
    const fence = { marker: seg.open.marker, indent: seg.open.indent, lang, info: seg.open.info };
    return { ...base, kind: kindOfLang(lang), source, attributes, fence, body };
  }
  // Prose: blank lines at either edge are kept as lead / trail, the rest is the Markdown source.
  const lead = /^(?:[ \t]*(?:\r\n|\n|\r))*/.exec(body)![0];
  const trail = /(?:(?:\r\n|\n|\r)[ \t]*)*$/.exec(body.slice(lead.length))![0];
  const trailStart = body.length - trail.length;
  // The line ending of the last prose line belongs to the body.
  const eolLength = /^(\r\n|\n|\r)/.exec(trail)?.[0].length ?? 0;
  const middle = body.slice(lead.length, trailStart + eolLength);
  return {
    ...base,
    kind: 'md',
    source: middle.replace(/\r\n?/g, '\n').replace(/\n$/, ''),
    attributes: {},
    fence: null,
    lead,
    body: middle,
    trail: body.slice(trailStart + eolLength),
  };
}

function stripIndent(line: string, indent: number): string {
  let i = 0;
  while (i < indent && line[i] === ' ') i++;
  return line.slice(i);
}

/** Whitespace with no cell to hold it: an empty prose cell (blank lines as lead, the rest as trail). */
function emptyProse(raw: string, start: number): Cell {
  const cell = { kind: 'md', source: '', attributes: {}, fence: null, body: '' } as const;
  const lead = /^[^]*(\r\n|\n|\r)/.exec(raw)?.[0] ?? '';
  const trail = raw.slice(lead.length);
  return { ...cell, id: '', slide: 0, lead, trail, start, end: start + raw.length };
}

/** Recomputes ids (content hash, repeats disambiguated) and slide indices in place. */
export function withIds(cells: Cell[]): Cell[] {
  const ids = uniqueIds(cells.map((c) => cellHash(c.kind, c.source, c.attributes, c.fence?.lang)));
  let slide = 0;
  cells.forEach((cell, i) => {
    if (cell.kind === 'break') slide++;
    cell.id = ids[i]!;
    cell.slide = slide;
  });
  return cells;
}

/** Cell ids per slide (breaks excluded); a notebook without breaks is one slide. */
export function slidesOf(cells: readonly Cell[]): string[][] {
  const slides: string[][] = [[]];
  for (const cell of cells) {
    if (cell.kind === 'break') slides.push([]);
    else slides[slides.length - 1]!.push(cell.id);
  }
  return slides;
}
