/**
 * The editing state of an open notebook: the last applied `Notebook`, one row per block with a stable key
 * (a cell's id changes with its content; the row, its editor and its output do not) and the editor's draft
 * text, and the text last saved. Pure: no DOM, no IO.
 */
import { deleteCell, insertCell, moveCell, updateCell } from '../notebook/edit';
import { parse } from '../notebook/parse';
import { serialize } from '../notebook/serialize';
import type { Cell, CellKind, Notebook } from '../notebook/types';

export interface DraftRow {
  key: number;
  cell: Cell;
  /** What the editor holds; differs from `cell.source` until the cell is run or saved. */
  draft: string;
}

export type NewCellKind = Extract<CellKind, 'js' | 'sql' | 'md'>;

export class NotebookDraft {
  private nextKey = 0;
  rows: DraftRow[];

  private constructor(
    public notebook: Notebook,
    public savedText: string,
  ) {
    this.rows = notebook.cells.map((cell) => this.row(cell));
  }

  /** A draft of a file's text, or the parse errors that keep it from being edited. */
  static fromText(text: string): NotebookDraft {
    return new NotebookDraft(parse(text), text);
  }

  get errors(): Notebook['errors'] {
    return this.notebook.errors;
  }

  /** Record what an editor holds. */
  setDraft(key: number, source: string): void {
    const row = this.find(key);
    row.draft = source;
  }

  /** Apply drafts to the notebook (one row, or all); returns whether anything changed. */
  apply(key?: number): boolean {
    let changed = false;
    for (const row of key === undefined ? [...this.rows] : [this.find(key)]) {
      if (row.draft === row.cell.source) continue;
      this.replace(updateCell(this.notebook, row.cell.id, { source: row.draft }));
      changed = true;
    }
    return changed;
  }

  /** Insert a new empty cell at row position `index` and return its key. */
  insert(index: number, kind: NewCellKind, source = ''): number {
    const notebook = insertCell(this.notebook, index, { kind, source });
    const row = this.row(notebook.cells[index]!);
    this.rows.splice(index, 0, row);
    this.replace(notebook);
    return row.key;
  }

  remove(key: number): void {
    const index = this.indexOf(key);
    const notebook = deleteCell(this.notebook, this.rows[index]!.cell.id);
    this.rows.splice(index, 1);
    this.replace(notebook);
  }

  /** Move a row up (-1) or down (+1); a move past either end does nothing. */
  move(key: number, delta: -1 | 1): void {
    const from = this.indexOf(key);
    const to = from + delta;
    if (to < 0 || to >= this.rows.length) return;
    const notebook = moveCell(this.notebook, this.rows[from]!.cell.id, to);
    const [row] = this.rows.splice(from, 1);
    this.rows.splice(to, 0, row!);
    this.replace(notebook);
  }

  /** The file text of the applied notebook (drafts not yet applied are not included). */
  text(): string {
    return serialize(this.notebook);
  }

  /** Unsaved: the applied notebook differs from the saved text, or an editor holds unapplied text. */
  isDirty(): boolean {
    if (this.rows.some((r) => r.draft !== r.cell.source)) return true;
    return this.text() !== this.savedText;
  }

  markSaved(text: string): void {
    this.savedText = text;
  }

  private replace(notebook: Notebook): void {
    this.notebook = notebook;
    notebook.cells.forEach((cell, i) => {
      this.rows[i]!.cell = cell;
    });
  }

  private row(cell: Cell): DraftRow {
    return { key: this.nextKey++, cell, draft: cell.source };
  }

  private indexOf(key: number): number {
    const index = this.rows.findIndex((r) => r.key === key);
    if (index < 0) throw new Error(`unknown row: ${key}`);
    return index;
  }

  private find(key: number): DraftRow {
    return this.rows[this.indexOf(key)]!;
  }
}
