import { Runtime, RuntimeError, type Module } from '@observablehq/runtime';
import { compile, type CompiledNotebook } from './compile';
import type { CompiledCell } from './compiled';
import {
  defineCell,
  undefineCell,
  type CellEnvironment,
  type CellObserver,
  type DefinedCell,
} from './define';
import { parse } from './parse';
import type { NotebookError } from './types';

export interface SessionOptions extends CellEnvironment {
  /** Values every cell may read by name (vol, Plot, Inputs, aq, Arrow, db, …). */
  builtins?: Record<string, unknown>;
  /** Builtins computed on first use; a definition may return a promise or a generator. */
  lazyBuiltins?: Record<string, () => unknown>;
  /** Called once per runnable cell id (js, sql, md) when it is first defined. */
  observer?: (cellId: string, cell: CompiledCell) => CellObserver;
}

export interface SessionChanges {
  added: string[];
  removed: string[];
  /** Same id, but its links changed (e.g. a table it reads is now created by a cell). */
  redefined: string[];
  unchanged: string[];
}

interface Entry {
  signature: string;
  defined: DefinedCell;
  observer: CellObserver;
}

/**
 * A live notebook: one runtime module whose variables follow the notebook as it is edited.
 * `update` diffs cells by id and redefines only what changed, so the rest of the graph stays warm.
 * @example
 * const session = new NotebookSession({builtins: {vol, Plot}, sql: db.query, observer: (id) => views.get(id)});
 * session.updateSource(markdownText);
 */
export class NotebookSession {
  readonly runtime: Runtime;
  readonly module: Module;
  private readonly entries = new Map<string, Entry>();
  private readonly cache = new Map<string, CompiledCell>();

  constructor(private readonly options: SessionOptions = {}) {
    const builtins: Record<string, unknown> = { ...options.lazyBuiltins };
    for (const [name, value] of Object.entries(options.builtins ?? {}))
      builtins[name] = () => value;
    // The runtime resolves any other free name through this: unknown names must throw.
    this.runtime = new Runtime(builtins, (name) => {
      throw new RuntimeError(`${name} is not defined`, name);
    });
    this.module = this.runtime.module();
  }

  /** Defines added cells, deletes removed ones, redefines cells whose compiled form changed. */
  update(notebook: CompiledNotebook): SessionChanges {
    const changes: SessionChanges = { added: [], removed: [], redefined: [], unchanged: [] };
    const next = new Map(notebook.cells.filter((c) => c.kind !== 'code').map((c) => [c.id, c]));
    for (const [id, entry] of this.entries) {
      const cell = next.get(id);
      if (cell && signatureOf(cell) === entry.signature) continue;
      undefineCell(entry.defined);
      if (cell) continue;
      this.entries.delete(id);
      changes.removed.push(id);
    }
    for (const cell of next.values()) {
      const entry = this.entries.get(cell.id);
      const signature = signatureOf(cell);
      if (entry?.signature === signature) {
        changes.unchanged.push(cell.id);
        continue;
      }
      const observer = entry?.observer ?? this.options.observer?.(cell.id, cell) ?? {};
      const defined = defineCell(this.module, cell, observer, this.options);
      this.entries.set(cell.id, { signature, defined, observer });
      (entry ? changes.redefined : changes.added).push(cell.id);
    }
    return changes;
  }

  /**
   * Parses, compiles and applies a notebook text. On parse errors nothing is redefined (the graph
   * keeps running the last good version) and the errors are returned.
   */
  updateSource(text: string): {
    errors: NotebookError[];
    compiled: CompiledNotebook | null;
    changes: SessionChanges | null;
  } {
    const notebook = parse(text);
    if (notebook.errors.length) return { errors: notebook.errors, compiled: null, changes: null };
    const compiled = compile(notebook, this.cache);
    const live = new Set(notebook.cells.map((c) => c.id));
    for (const id of this.cache.keys()) if (!live.has(id)) this.cache.delete(id);
    return { errors: [], compiled, changes: this.update(compiled) };
  }

  /** Runs a cell again with its current inputs (e.g. a held cell whose outputs a changed cell now needs). */
  rerun(cellId: string): void {
    this.entries.get(cellId)?.defined.rerun?.();
  }

  /** The next value of a named variable (a cell output, or `cell <id>`). */
  value(name: string): Promise<unknown> {
    return this.module.value(name);
  }

  /** Stops every cell (invalidation promises resolve, generators return). */
  dispose(): void {
    this.runtime.dispose();
    this.entries.clear();
  }
}

function signatureOf(cell: CompiledCell): string {
  return JSON.stringify(cell);
}
