import { slidesOf, withIds } from './parse';
import type { Cell, CellAttributes, CellKind, Notebook } from './types';

/** What a new cell is made of. `lang` is the fence language for `code` cells (e.g. `python`). */
export interface NewCell {
  kind: CellKind;
  source: string;
  attributes?: CellAttributes;
  lang?: string;
}

/**
 * Replaces a cell's source and/or attributes. Returns a new notebook; only that cell's text will be
 * re-rendered by `serialize` (its surrounding blank lines are kept), and ids are recomputed.
 * @example updateCell(nb, nb.cells[1].id, {source: 'const x = 2'})
 */
export function updateCell(
  notebook: Notebook,
  id: string,
  changes: { source?: string; attributes?: CellAttributes },
): Notebook {
  const index = indexOf(notebook, id);
  const old = notebook.cells[index]!;
  const source = (changes.source ?? old.source).replace(/\r\n?/g, '\n');
  const attributes = changes.attributes ?? old.attributes;
  if (source === old.source && attributes === old.attributes) return notebook;
  const cells = notebook.cells.map((c) => ({ ...c }));
  cells[index] = { ...old, source, attributes, body: null };
  return rebuild(notebook, cells);
}

/** Inserts a new cell before position `index` (0 … cells.length). */
export function insertCell(notebook: Notebook, index: number, cell: NewCell): Notebook {
  if (!Number.isInteger(index) || index < 0 || index > notebook.cells.length) {
    throw new Error(`invalid index: ${index}`);
  }
  const fence = cell.lang ? { marker: '```', indent: 0, lang: cell.lang, info: cell.lang } : null;
  const created: Cell = {
    id: '',
    kind: cell.kind,
    source: cell.source.replace(/\r\n?/g, '\n'),
    attributes: cell.attributes ?? {},
    fence,
    slide: 0,
    lead: '',
    body: null,
    trail: '',
    start: -1,
    end: -1,
  };
  const cells = notebook.cells.map((c) => ({ ...c }));
  cells.splice(index, 0, created);
  return rebuild(notebook, cells);
}

/** Removes a cell with its surrounding blank lines. */
export function deleteCell(notebook: Notebook, id: string): Notebook {
  const index = indexOf(notebook, id);
  return rebuild(
    notebook,
    notebook.cells.filter((_, i) => i !== index).map((c) => ({ ...c })),
  );
}

/** Moves a cell (with its surrounding blank lines) to position `to` of the resulting list. */
export function moveCell(notebook: Notebook, id: string, to: number): Notebook {
  const from = indexOf(notebook, id);
  if (!Number.isInteger(to) || to < 0 || to >= notebook.cells.length) {
    throw new Error(`invalid index: ${to}`);
  }
  const cells = notebook.cells.map((c) => ({ ...c }));
  const [cell] = cells.splice(from, 1);
  cells.splice(to, 0, cell!);
  return rebuild(notebook, cells);
}

/** Replaces the front matter data (`null` removes the block). */
export function setFrontMatter(notebook: Notebook, data: Record<string, unknown> | null): Notebook {
  assertEditable(notebook);
  const frontMatter = data ? { data, raw: '', edited: true } : null;
  return { ...notebook, frontMatter, cells: notebook.cells.map((c) => ({ ...c })) };
}

function indexOf(notebook: Notebook, id: string): number {
  assertEditable(notebook);
  const index = notebook.cells.findIndex((c) => c.id === id);
  if (index < 0) throw new Error(`unknown cell: ${id}`);
  return index;
}

function assertEditable(notebook: Notebook): void {
  if (notebook.errors.length) throw new Error('cannot edit a notebook with parse errors');
}

function rebuild(notebook: Notebook, cells: Cell[]): Notebook {
  assertEditable(notebook);
  withIds(cells);
  return { ...notebook, cells, slides: slidesOf(cells) };
}
