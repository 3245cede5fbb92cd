/**
 * SQL cells answered from the results precomputed at export time when they run with the same parameters, so
 * the first paint needs no DuckDB; anything else (a changed input, a table another cell creates) runs for real.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import type { ExportManifest } from '../../server/contract';
import { withDates } from '../data/dated-table';
import type { SqlContext } from '../notebook/define';
import type { BundleReader } from './bundle-reader';
import { paramsKey } from './keys';

type SqlRunner = (query: string, params: unknown[], context: SqlContext) => Promise<Table>;

/**
 * @example
 * sql: precomputedSql(manifest, bundle, (q, p, c) => store.query(q, p, c.datasets))
 */
export function precomputedSql(
  manifest: ExportManifest,
  bundle: BundleReader,
  run: SqlRunner,
): SqlRunner {
  return async (query, params, context) => {
    const key = paramsKey(params);
    const hit = manifest.results.find((r) => r.cellId === context.cellId && r.params === key);
    if (!hit) return run(query, params, context);
    return withDates(tableFromIPC(await bundle.bytes(hit.file)));
  };
}
