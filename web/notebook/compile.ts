import { compileJs } from './compile-js';
import { compileMd } from './compile-md';
import { compileSql } from './compile-sql';
import { compiledCell, tableVariable, type CompiledCell } from './compiled';
import type { Cell, Notebook } from './types';

export interface CompiledNotebook {
  /** One entry per cell in file order (slide breaks excluded). */
  cells: CompiledCell[];
  /** Datasets the notebook needs: listed in front matter or read by SQL cells and created by none. */
  datasets: string[];
}

/**
 * Compiles every cell, then links them: a SQL cell reading a table another SQL cell creates gets
 * that cell's `table x` variable as an input; other referenced tables are datasets. A name defined
 * by more than one cell is an error on each of those cells; the other cells are unaffected.
 * @example compile(parse(text)).cells.map((c) => c.outputs)
 */
export function compile(notebook: Notebook, cache?: Map<string, CompiledCell>): CompiledNotebook {
  const cells = notebook.cells
    .filter((c) => c.kind !== 'break')
    .map((c) => compileCached(c, cache));
  const creators = new Map<string, CompiledCell[]>();
  for (const cell of cells) {
    for (const table of cell.sql?.tablesCreated ?? []) {
      if (!cell.error) creators.set(table, [...(creators.get(table) ?? []), cell]);
    }
  }
  const linked = cells.map((cell) => {
    if (!cell.sql || cell.error) return cell;
    const tables = cell.sql.tablesReferenced.filter((t) => creators.has(t));
    const datasets = cell.sql.tablesReferenced.filter((t) => !creators.has(t));
    return {
      ...cell,
      inputs: [...cell.inputs, ...tables.map(tableVariable)],
      outputs: [...cell.outputs, ...cell.sql.tablesCreated.map(tableVariable)],
      sql: { ...cell.sql, datasetsReferenced: datasets },
    };
  });
  const definers = new Map<string, number>();
  for (const cell of linked)
    for (const o of cell.outputs) definers.set(o, (definers.get(o) ?? 0) + 1);
  const checked = linked.map((cell) => {
    const duplicate = cell.error ? undefined : cell.outputs.find((o) => definers.get(o)! > 1);
    if (duplicate === undefined) return cell;
    const what = duplicate.startsWith('table ')
      ? `${duplicate} is created`
      : `${duplicate} is defined`;
    const error = { message: `${what} by more than one cell`, line: 1, column: 1 };
    return { ...cell, body: null, error };
  });
  return { cells: checked, datasets: datasetsOf(notebook, checked) };
}

function compileCached(cell: Cell, cache: Map<string, CompiledCell> | undefined): CompiledCell {
  const hit = cache?.get(cell.id);
  if (hit) return hit;
  const compiled = compileCell(cell);
  cache?.set(cell.id, compiled);
  return compiled;
}

/** Compiles one cell on its own (no cross-cell links). */
export function compileCell(cell: Cell): CompiledCell {
  switch (cell.kind) {
    case 'js':
      return compileJs(cell.id, cell.source, cell.attributes);
    case 'sql':
      return compileSql(cell.id, cell.source, cell.attributes);
    case 'md':
      return compileMd(cell.id, cell.source, cell.attributes);
    default:
      return compiledCell({
        id: cell.id,
        kind: 'code',
        attributes: cell.attributes,
        inputs: [],
        outputs: [],
        params: [],
        body: null,
        async: false,
        autodisplay: false,
        error: null,
      });
  }
}

function datasetsOf(notebook: Notebook, cells: readonly CompiledCell[]): string[] {
  const listed = notebook.frontMatter?.data['datasets'];
  const names = new Set<string>();
  for (const entry of Array.isArray(listed) ? listed : listed ? [listed] : []) {
    const name = typeof entry === 'string' ? entry : (entry as { name?: unknown } | null)?.name;
    if (typeof name === 'string') names.add(name.toLowerCase());
  }
  for (const cell of cells) for (const d of cell.sql?.datasetsReferenced ?? []) names.add(d);
  return [...names];
}
