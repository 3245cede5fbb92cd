/**
 * `--inputs` for a headless run: the value a `view()` input would give, set by the variable name its cell
 * declares. The variable is redefined as a constant, so the cells that read it run once, with that value,
 * while the input's own cell still runs (and shows the input at its default).
 */
import type { Module } from '@observablehq/runtime';
import type { CompiledCell } from '../../web/notebook/compiled';

/** The names a notebook's `view()` cells declare: what `inputs` may set. */
export function inputNames(cells: readonly CompiledCell[]): string[] {
  return cells.filter((c) => c.kind === 'js' && c.js?.usesView).flatMap((c) => c.js!.declarations);
}

/**
 * @example
 * overrideInputs(session.module, compiled.cells, { states: 4 }); // throws on a name no view() cell declares
 */
export function overrideInputs(
  module: Module,
  cells: readonly CompiledCell[],
  inputs: Record<string, unknown>,
): void {
  const known = inputNames(cells);
  for (const name of Object.keys(inputs)) {
    if (!known.includes(name)) {
      throw new RangeError(
        `unknown input: ${name} (this notebook's inputs: ${known.join(', ') || 'none'})`,
      );
    }
  }
  for (const [name, value] of Object.entries(inputs)) module.redefine(name, [], () => value);
}
