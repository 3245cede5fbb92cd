import type { Module, Variable } from '@observablehq/runtime';
import type { CompiledCell } from './compiled';
import {
  cancelledError,
  computeScope,
  type ComputeLocal,
  type ComputeRunner,
  type ComputeScope,
  type ProgressState,
} from './compute-local';
import { HELD } from './held';
import { inputGenerator, type InputLike } from './input-generator';
import { plainMarkdown, renderMarkdownCell } from './render-md';

/**
 * What the caller sees of one cell. `display` receives each displayed value in order (explicit
 * `display()` calls, the input of `view()`, the value of auto-displayed cells); `clear` comes
 * before the first display of a new run and when a run ends having displayed nothing, so the
 * cell shows exactly what its latest run displayed. `fulfilled` receives the cell's value
 * (expression value, object of declared names, SQL result, Markdown output). `progress` receives the
 * state of the cell's running `compute` tasks, and null when none is left.
 */
export interface CellObserver {
  pending?(): void;
  fulfilled?(value: unknown): void;
  rejected?(error: unknown): void;
  display?(value: unknown): void;
  clear?(): void;
  progress?(state: ProgressState | null): void;
}

/** What SQL cells are told besides their query and parameters. */
export interface SqlContext {
  cellId: string;
  /** Referenced tables no cell creates: load these datasets (lazily) before running. */
  datasets: string[];
  /** Tables this cell creates. */
  tables: string[];
  /** Every table this cell reads (datasets and tables other cells create). */
  referenced: string[];
}

/** The callbacks SQL and Markdown cells run through. */
export interface CellEnvironment {
  sql?: (query: string, params: unknown[], context: SqlContext) => Promise<unknown>;
  /** Markdown → HTML (e.g. markdown-it's render); defaults to escaped paragraphs. */
  markdown?: (markdown: string) => string;
  /** Runs the tasks of the `compute` cell local (the worker pool in the browser). */
  compute?: ComputeRunner;
  /**
   * Asked before each run of a cell with its input values: true settles the run with `HELD` instead of
   * running the cell, leaving its output as it is (an export's precomputed outputs until an input changes).
   */
  hold?: (cell: CompiledCell, inputs: readonly unknown[]) => boolean;
}

export interface DefinedCell {
  cell: CompiledCell;
  variables: Variable[];
  /** Aborts the `compute` tasks of the latest run. */
  abort?: () => void;
  /** Runs the cell again with its current inputs (a held cell whose value is now needed). */
  rerun?: () => void;
}

/** The name of a cell's own variable (its value, observed). */
export function cellVariable(id: string): string {
  return `cell ${id}`;
}

/**
 * Defines a compiled cell on a runtime module: one observed variable for the cell, plus one
 * per output (`x` reads the cell's exports). Plain code cells define nothing.
 * @example defineCell(module, compiled.cells[0], {fulfilled: console.log}, {sql})
 */
export function defineCell(
  module: Module,
  cell: CompiledCell,
  observer: CellObserver,
  env: CellEnvironment = {},
): DefinedCell {
  if (cell.kind === 'code') return { cell, variables: [] };
  let run = 0;
  let displayedRun = -1;
  const clearOnce = (): void => {
    if (displayedRun === run) return;
    displayedRun = run;
    observer.clear?.();
  };
  const adapter = {
    pending: () => observer.pending?.(),
    fulfilled: (value: unknown) => {
      // A held run leaves the output as it is.
      if (value === HELD) return void observer.fulfilled?.(value);
      if (cell.autodisplay) displayedRun = -1; // each value replaces the previous one
      clearOnce();
      if (cell.autodisplay) observer.display?.(value);
      observer.fulfilled?.(value);
    },
    rejected: (error: unknown) => {
      clearOnce();
      observer.rejected?.(error);
    },
  };
  let scope: ComputeScope | null = null;
  let scopeRun = 0;
  let invalidatedRun = 0;
  const abortTasks = (message: string, of = scopeRun): void => {
    if (of !== scopeRun) return;
    if (scope?.abort(cancelledError(message))) observer.progress?.(null);
    scope = null;
  };
  const newRun: RunScope = () => {
    const current = ++run;
    abortTasks('superseded');
    const display = (value: unknown): unknown => {
      if (current !== run) return value; // a stale run (e.g. a timer it left behind)
      clearOnce();
      observer.display?.(value);
      return value;
    };
    const compute: ComputeLocal = (name, ...args) => {
      if (current !== run || current <= invalidatedRun)
        return Promise.reject(cancelledError('superseded'));
      scopeRun = current;
      scope ??= computeScope(env.compute, (state) => {
        if (current === run) observer.progress?.(state);
      });
      return scope.compute(name, ...args);
    };
    return {
      display,
      view: (input: InputLike) => inputGenerator(display(input) as InputLike),
      compute,
      invalidated: () => {
        invalidatedRun = Math.max(invalidatedRun, current);
        abortTasks('superseded', current);
      },
    };
  };
  const name = cellVariable(cell.id);
  // The runtime starts a re-run only once the previous run settles, but resolves `invalidation` as soon as a
  // re-run is due: that is when a run's tasks must be aborted.
  const inputs = usesCompute(cell) ? [...cell.inputs, 'invalidation'] : cell.inputs;
  const definition = definitionOf(cell, newRun, env);
  const variable = module.variable(adapter).define(name, inputs, definition);
  const variables = [variable];
  for (const output of cell.outputs) {
    const extract =
      cell.kind === 'js'
        ? (exports: Record<string, unknown>) => exports[output]
        : output.startsWith('table ')
          ? () => output.slice('table '.length)
          : (value: unknown) => value;
    variables.push(module.variable(true).define(output, [name], extract));
  }
  return {
    cell,
    variables,
    abort: () => abortTasks('cell removed'),
    rerun: () => void variable.define(name, inputs, definition),
  };
}

/** Deletes a defined cell's variables; dependents see its names as undefined until redefined. */
export function undefineCell(defined: DefinedCell): void {
  defined.abort?.();
  for (const variable of defined.variables) variable.delete();
}

type RunScope = () => {
  display: (value: unknown) => unknown;
  view: (input: InputLike) => unknown;
  compute: ComputeLocal;
  /** This run is superseded (a re-run is due): abort its tasks. */
  invalidated: () => void;
};

function usesCompute(cell: CompiledCell): boolean {
  return cell.kind === 'js' && cell.params.includes('compute');
}

function definitionOf(cell: CompiledCell, newRun: RunScope, env: CellEnvironment) {
  if (cell.error || cell.body === null) {
    const error = Object.assign(new SyntaxError(cell.error?.message ?? 'invalid cell'), cell.error);
    return () => {
      newRun();
      throw error;
    };
  }
  let fn: (...args: unknown[]) => unknown;
  try {
    fn = (0, eval)(`"use strict";(${cell.body}\n)`) as typeof fn;
  } catch (error) {
    return () => Promise.reject(error);
  }
  const positions = cell.params.map((p) => cell.inputs.indexOf(p));
  return function (this: unknown, ...values: unknown[]): unknown {
    if (env.hold?.(cell, values.slice(0, cell.inputs.length))) return HELD;
    const locals = newRun();
    if (usesCompute(cell))
      void (values[cell.inputs.length] as Promise<unknown>).then(locals.invalidated);
    const args = cell.params.map((p, i) =>
      cell.kind === 'js' && (p === 'display' || p === 'view' || p === 'compute')
        ? locals[p]
        : values[positions[i]!],
    );
    if (cell.kind === 'js') return fn.apply(this, args);
    if (cell.kind === 'md') {
      const md = cell.md!;
      return Promise.resolve(fn(...args)).then((v) =>
        renderMarkdownCell(md, v as unknown[], env.markdown ?? plainMarkdown),
      );
    }
    const sql = cell.sql!;
    const context = {
      cellId: cell.id,
      datasets: sql.datasetsReferenced,
      tables: sql.tablesCreated,
      referenced: sql.tablesReferenced,
    };
    return Promise.resolve(fn(...args)).then((params) => {
      if (!env.sql) throw new Error('no SQL connection');
      return env.sql(sql.query, params as unknown[], context);
    });
  };
}
