/** The names a notebook's cells declare, for completion in its other cells. Pure. */
import type { CompiledNotebook } from '../../notebook/compile';

/**
 * JS declarations and SQL `id=` names, in cell order, each once (created tables are SQL's business).
 * @example
 * declaredNames(compile(parse('```js\nconst a = 1\n```'))); // ['a']
 */
export function declaredNames(compiled: CompiledNotebook): string[] {
  const names = compiled.cells.flatMap((cell) => cell.outputs).filter((n) => /^[\w$]+$/.test(n));
  return [...new Set(names)];
}
