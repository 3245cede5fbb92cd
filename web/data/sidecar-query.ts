/**
 * A SQL cell's query asked of the sidecar (`POST /api/sql/query`), which answers read-only SQL over the
 * datasets and the notebook's slices with its sandboxed native DuckDB, as Arrow IPC in the browser's column
 * types. Any failure (no sidecar, a refusal, a limit) is `null`: the caller runs the query on DuckDB-WASM.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import type { SliceSpec, SqlQueryParam, SqlQueryRequest } from '../../server/contract';
import { withDates } from './dated-table';

/** Answers a query elsewhere than DuckDB-WASM, or `null` when it cannot. */
export type RemoteQuery = (sql: string, params: readonly unknown[]) => Promise<Table | null>;

/**
 * @example
 * const remote = sidecarQuery(() => store.sliceSpecs());
 * const table = await remote('SELECT count(*) AS n FROM ohlcv_daily', []); // Table, or null
 */
export function sidecarQuery(
  slices: () => readonly SliceSpec[],
  url = '/api/sql/query',
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): RemoteQuery {
  return async (sql, params) => {
    // Dates, objects and nulls bind differently on each engine: those cells wait for DuckDB-WASM.
    if (!params.every(bindsAlike)) return null;
    const request: SqlQueryRequest = { sql, params: [...params], slices: [...slices()] };
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      });
      if (!response.ok) return null;
      return withDates(tableFromIPC(new Uint8Array(await response.arrayBuffer())));
    } catch {
      return null;
    }
  };
}

/** Parameters both engines bind with one type: text, booleans, numbers (as DOUBLE). */
function bindsAlike(value: unknown): value is SqlQueryParam {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}
