/**
 * A first visit's SQL sent as soon as the notebook is compiled, not when the runtime first computes (a frame
 * later, after the cells are rendered): a SQL cell that needs nothing from other cells (no `${…}` parameter,
 * no table another cell creates) and only reads has its query started at once; the cell's own run then takes
 * that answer instead of asking again.
 */
import { isCacheableQuery } from '../data/cacheable-query';
import type { CompiledNotebook } from './compile';
import type { SqlContext } from './define';

type RunSql<T> = (query: string, params: unknown[], context: SqlContext) => Promise<T>;

export interface EarlySql<T> {
  /** The answer started early for this query, once (a later run asks again); else null. */
  take(query: string, params: readonly unknown[]): Promise<T> | null;
}

/**
 * @example
 * const early = startEarlySql(compile(notebook), (q, p, c) => store.queryCached(q, p, c));
 * const sql = (q, p, c) => early.take(q, p) ?? store.queryCached(q, p, c);
 */
export function startEarlySql<T>(compiled: CompiledNotebook, run: RunSql<T>): EarlySql<T> {
  const started = new Map<string, Promise<T>>();
  for (const cell of compiled.cells) {
    const sql = cell.sql;
    if (cell.kind !== 'sql' || !sql || cell.error || cell.inputs.length > 0) continue;
    if (sql.params.length > 0 || sql.tablesCreated.length > 0 || !isCacheableQuery(sql.query))
      continue;
    if (started.has(sql.query)) continue;
    const answer = run(sql.query, [], {
      cellId: cell.id,
      datasets: sql.datasetsReferenced,
      tables: sql.tablesCreated,
      referenced: sql.tablesReferenced,
    });
    // Its failure is the cell's to show when it takes the answer, not an unhandled rejection meanwhile.
    answer.catch(() => undefined);
    started.set(sql.query, answer);
  }
  return {
    take(query, params) {
      if (params.length > 0) return null;
      const answer = started.get(query) ?? null;
      started.delete(query);
      return answer;
    },
  };
}
