/**
 * Which cells of an export run in the page. A cell whose output was precomputed at export time is held (not
 * run, its precomputed output left in place) until something it depends on changes: an input the reader moves,
 * a builtin that yields a new value (`width` on a resize), or a cell upstream that ran with changed inputs.
 * A cell that must run but reads a held cell's outputs wakes that cell (it runs with unchanged inputs, to give
 * its values) and waits for it. `view()` inputs always run, so they are live from the first paint.
 */
import type { CompiledCell } from '../notebook/compiled';
import { isHeld } from '../notebook/held';

type CellState = 'held' | 'waiting' | 'live';

export interface PrecomputedGateOptions {
  cells: readonly CompiledCell[];
  /** Ids of the cells with a precomputed output. */
  precomputed: ReadonlySet<string>;
  /** Run a held cell again (`NotebookSession.rerun`); called outside the runtime's own computation. */
  rerun: (cellId: string) => void;
}

export class PrecomputedGate {
  private readonly producer = new Map<string, CompiledCell>();
  private readonly state = new Map<string, CellState>();
  private readonly dirty = new Set<string>();
  /** Cells that have run (or waited to run) in the page: their output is no longer the precomputed one. */
  private readonly awake = new Set<string>();
  /** First value seen of each name no held-able cell produces (inputs, builtins). */
  private readonly baseline = new Map<string, unknown>();

  constructor(private readonly options: PrecomputedGateOptions) {
    for (const cell of options.cells)
      for (const name of cell.outputs) this.producer.set(name, cell);
  }

  /**
   * The `hold` option of `NotebookSession`: true to keep the precomputed output for this run.
   *
   * @example
   * const gate = new PrecomputedGate({ cells, precomputed, rerun: (id) => session.rerun(id) });
   * new NotebookSession({ ..., hold: (cell, inputs) => gate.hold(cell, inputs) });
   */
  hold(cell: CompiledCell, inputs: readonly unknown[]): boolean {
    const changed = this.inputsChanged(cell, inputs);
    if (changed) this.dirty.add(cell.id);
    else this.dirty.delete(cell.id);
    if (!this.holdable(cell)) {
      this.state.set(cell.id, 'live');
      return false;
    }
    if (!changed && !this.awake.has(cell.id)) {
      this.state.set(cell.id, 'held');
      return true;
    }
    this.awake.add(cell.id);
    const missing = cell.inputs.filter((_, i) => isHeld(inputs[i]));
    if (missing.length === 0) {
      this.state.set(cell.id, 'live');
      return false;
    }
    this.state.set(cell.id, 'waiting');
    for (const name of missing) this.wake(this.producer.get(name)!.id);
    return true;
  }

  /** The cell is waiting for held cells upstream to give their values, before it runs. */
  waiting(cellId: string): boolean {
    return this.state.get(cellId) === 'waiting';
  }

  private holdable(cell: CompiledCell): boolean {
    if (!this.options.precomputed.has(cell.id)) return false;
    if (cell.kind === 'js') return !cell.js?.usesView;
    // A SQL cell that creates tables must run: later queries read them in this page's database.
    return cell.kind === 'md' || (cell.kind === 'sql' && cell.sql?.tablesCreated.length === 0);
  }

  private inputsChanged(cell: CompiledCell, inputs: readonly unknown[]): boolean {
    let changed = false;
    cell.inputs.forEach((name, i) => {
      const from = this.producer.get(name);
      if (from && this.holdable(from)) {
        if (this.dirty.has(from.id)) changed = true;
        return;
      }
      if (!this.baseline.has(name)) this.baseline.set(name, inputs[i]);
      else if (!sameValue(this.baseline.get(name), inputs[i])) changed = true;
    });
    return changed;
  }

  private wake(cellId: string): void {
    if (this.state.get(cellId) !== 'held' || this.awake.has(cellId)) return;
    this.awake.add(cellId);
    // Not from inside the runtime's computation of another variable.
    queueMicrotask(() => this.options.rerun(cellId));
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}
