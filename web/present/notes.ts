/**
 * Speaker notes: `<!-- notes: … -->` comments in a notebook's prose, or a fenced ```` ```notes ```` block. They
 * show in the presenter window, are hidden on the slides, and never leave the machine in an export or a share
 * (unless asked).
 */
import { parse } from '../notebook/parse';
import type { Cell } from '../notebook/types';

const NOTES = /<!--\s*notes:([\s\S]*?)-->/g;
const NOTES_LINE = /^[ \t]*<!--\s*notes:[\s\S]*?-->[ \t]*\r?\n/gm;

/**
 * Whether a cell is a fenced notes block (```` ```notes ````, any case).
 *
 * @example
 * isNotesCell(parse('```notes\nsay hello\n```\n').cells[0]!); // true
 */
export function isNotesCell(cell: Pick<Cell, 'kind'> & { fence?: Cell['fence'] }): boolean {
  return cell.kind === 'code' && cell.fence?.lang.toLowerCase() === 'notes';
}

/**
 * The notes of a piece of Markdown, trimmed, in order.
 *
 * @example
 * notesOf('# Hi\n<!-- notes: say hello -->'); // ['say hello']
 */
export function notesOf(markdown: string): string[] {
  return [...markdown.matchAll(NOTES)].map((m) => m[1]!.trim()).filter((n) => n.length > 0);
}

/**
 * The text with every notes comment (and the line it stood on, when alone) and every fenced notes block
 * removed. Fences are found by the notebook parser, so a notes comment quoted inside a code cell is not
 * mistaken for prose, nor is a ```` ```notes ```` line inside another fence.
 *
 * @example
 * stripNotes('a\n<!-- notes: x -->\nb'); // 'a\nb'
 * stripNotes('a\n```notes\nx\n```\nb'); // 'a\nb'
 */
export function stripNotes(text: string): string {
  const { cells } = parse(text);
  let kept = '';
  let at = 0;
  for (const cell of cells) {
    if (cell.kind === 'md') {
      kept += text.slice(at, cell.start);
      kept += text.slice(cell.start, cell.end).replace(NOTES_LINE, '').replace(NOTES, '');
      at = cell.end;
    } else if (isNotesCell(cell)) {
      kept += text.slice(at, cell.start);
      at = cell.end;
    }
  }
  return kept + text.slice(at);
}
