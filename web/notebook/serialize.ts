import { fenceFor, formatInfo } from './fence';
import { formatFrontMatter } from './front-matter-format';
import type { Cell, Notebook } from './types';

/**
 * Writes a notebook back to text. Untouched blocks are copied byte for byte; edited or inserted
 * ones (`body === null`) are rendered with a backtick fence longer than any backtick run in them.
 * Throws for a notebook with parse errors: its raw text must be kept instead.
 * @example serialize(parse(text)) === text // true for any text that parses without errors
 */
export function serialize(notebook: Notebook): string {
  if (notebook.errors.length) {
    throw new Error('cannot serialize a notebook with parse errors; keep its raw text');
  }
  const { eol } = notebook;
  const fm = notebook.frontMatter;
  let out = fm ? (fm.edited ? formatFrontMatter(fm.data, eol) : fm.raw) : '';
  let previous: Cell | null = null;
  for (const cell of notebook.cells) {
    const text = cell.lead + (cell.body ?? renderBody(cell, eol)) + cell.trail;
    if (out !== '' && !/[\r\n]$/.test(out)) out += eol;
    // Adjacent prose would merge into one cell, and prose right above `---` makes a heading.
    if (
      previous?.kind === 'md' &&
      cell.kind !== 'js' &&
      cell.kind !== 'sql' &&
      cell.kind !== 'code'
    ) {
      if (!/(\r\n|\n|\r)[ \t]*(\r\n|\n|\r)$/.test(out) && !/^[ \t]*(\r\n|\n|\r)/.test(text))
        out += eol;
    }
    out += text;
    previous = cell;
  }
  return out;
}

/** The text of one block as it is written for an edited or new cell. */
export function renderBody(cell: Cell, eol: '\n' | '\r\n' = '\n'): string {
  const lines = (source: string): string => source.replace(/\r\n?|\n/g, eol);
  switch (cell.kind) {
    case 'break':
      return `---${eol}`;
    case 'md':
      return cell.source === '' ? '' : `${lines(cell.source)}${eol}`;
    default: {
      const fence = fenceFor(cell.source);
      const lang = cell.fence?.lang || (cell.kind === 'code' ? '' : cell.kind);
      const info = formatInfo(lang, cell.attributes);
      const body = cell.source === '' ? '' : `${lines(cell.source)}${eol}`;
      return `${fence}${info}${eol}${body}${fence}${eol}`;
    }
  }
}
