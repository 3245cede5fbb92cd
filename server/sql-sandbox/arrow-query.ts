/**
 * A notebook's read-only SQL cell run in the sandbox and answered as Arrow IPC, so the workbench can show
 * results before its DuckDB-WASM has started. The notebook's slices become temporary views on the query's own
 * connection (cut by the slice endpoint's rules, so the rows are the ones the browser would load); the statement
 * is checked by the sandbox's validator against the datasets and those slice names; rows, bytes and time are
 * bounded.
 */
import {
  BOOLEAN,
  DOUBLE,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBDataChunk,
  type DuckDBType,
} from '@duckdb/node-api';
import { tableToIPC, type Table } from 'apache-arrow';
import type { SliceSpec, SqlQueryParam } from '../contract';
import type { CatalogReader } from '../datasets/catalog-reader';
import { partitionFiles, prunePartitions, sliceSql } from '../datasets/slice';
import { chunksToArrow } from '../db/arrow-result';
import { quoteIdentifier } from '../db/duckdb';
import { httpError } from '../http/errors';
import { parseSliceBody } from '../routes/slice-query';
import type { SqlSandbox } from './sandbox';

export interface ArrowQuery {
  sql: string;
  params: SqlQueryParam[];
  slices: SliceSpec[];
}

export interface ArrowQueryLimits {
  /** Rows a result may hold (more is a 413: the browser then runs the cell on DuckDB-WASM). */
  maxRows: number;
  /** Bytes the Arrow IPC answer may take. */
  maxBytes: number;
}

export const DEFAULT_ARROW_LIMITS: ArrowQueryLimits = { maxRows: 1_000_000, maxBytes: 64 << 20 };

/**
 * Run `query` in the sandbox; resolves to Arrow IPC stream bytes. Refused statements and bad slices are 400s,
 * a result over the limits a 413, a failing or stopped query a 422, each with a message safe to show.
 *
 * @example
 * const ipc = await runArrowQuery(sandbox, catalog, datasetsDir, { sql: 'SELECT 1 AS x', params: [], slices: [] });
 */
export async function runArrowQuery(
  sandbox: SqlSandbox,
  catalog: CatalogReader,
  datasetsDir: string,
  query: ArrowQuery,
  limits: ArrowQueryLimits = DEFAULT_ARROW_LIMITS,
): Promise<Uint8Array> {
  const views = await sliceViews(catalog, datasetsDir, query.slices);
  const verdict = await sandbox.check(
    query.sql,
    views.map((v) => v.name),
  );
  if (!verdict.ok) throw httpError(400, `refused: ${verdict.reason}`);
  const table = await sandbox
    .session(async (db) => {
      for (const view of views) await db.run(view.sql);
      return collect(db, query, limits.maxRows);
    })
    .catch((error: unknown) => {
      throw httpError(422, error instanceof Error ? error.message : String(error));
    });
  if (table === null)
    throw httpError(413, `result exceeds ${limits.maxRows} rows: run it on DuckDB-WASM`);
  const ipc = tableToIPC(table, 'stream');
  if (ipc.byteLength > limits.maxBytes)
    throw httpError(413, `result exceeds ${limits.maxBytes} bytes: run it on DuckDB-WASM`);
  return ipc;
}

/** One `CREATE TEMP VIEW` per slice, validated like the slice endpoint's JSON body. */
async function sliceViews(
  catalog: CatalogReader,
  datasetsDir: string,
  slices: readonly SliceSpec[],
): Promise<{ name: string; sql: string }[]> {
  return Promise.all(
    slices.map(async (spec) => {
      const entry = await catalog.find(spec.name);
      if (!entry) throw httpError(400, `unknown dataset: ${spec.name}`);
      if (entry.partitions.length === 0)
        throw httpError(400, `dataset ${spec.name} has no data files`);
      const query = parseSliceBody(entry, {
        ...(spec.columns ? { columns: spec.columns } : {}),
        ...(spec.where ? { where: spec.where } : {}),
        ...(spec.limit !== undefined ? { limit: spec.limit } : {}),
      });
      const pruned = prunePartitions(entry, query.where);
      const files = partitionFiles(datasetsDir, pruned.length > 0 ? pruned : entry.partitions);
      const { sql } = sliceSql(entry, files, query, { inline: true });
      const name = spec.as ?? spec.name;
      return { name, sql: `CREATE TEMP VIEW ${quoteIdentifier(name)} AS ${sql}` };
    }),
  );
}

/** Stream the result as an Arrow table, or null as soon as it passes `maxRows`. */
async function collect(
  db: DuckDBConnection,
  query: ArrowQuery,
  maxRows: number,
): Promise<Table | null> {
  const { params } = query;
  const result =
    params.length > 0
      ? await db.stream(query.sql, params, params.map(wasmBindType))
      : await db.stream(query.sql);
  const chunks: DuckDBDataChunk[] = [];
  let rows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    rows += chunk.rowCount;
    if (rows > maxRows) return null;
    chunks.push(chunk);
  }
  return chunksToArrow(
    result.columnNames(),
    result.columnTypes().map((t) => t.typeId),
    chunks,
  );
}

/** The type DuckDB-WASM binds a JSON parameter as: every number a DOUBLE, a null a VARCHAR. */
function wasmBindType(value: SqlQueryParam): DuckDBType {
  if (typeof value === 'number') return DOUBLE;
  if (typeof value === 'boolean') return BOOLEAN;
  return VARCHAR;
}
