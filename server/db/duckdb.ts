/**
 * The sidecar's native DuckDB: one in-memory instance per process, opened lazily through a cached promise,
 * with errors that carry the SQL that failed. Parquet is built into @duckdb/node-api, so nothing is fetched.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { QueryError } from '../../web/data/query-error';

// The one QueryError of both sides (it lives with the browser's connector: no runtime imports there).
export { QueryError };

export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;

/** The native instance's memory cap and worker threads (the sidecar shares a laptop with the browser). */
export const DUCKDB_MEMORY_LIMIT = '1GB';
export const DUCKDB_THREADS = 2;

let instancePromise: Promise<DuckDBInstance> | null = null;

function instance(): Promise<DuckDBInstance> {
  instancePromise ??= DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    // Bounded: slices of the large tables otherwise grow the process by GBs and keep it (issue 9). Past the
    // limit, DuckDB spills sorts and joins to its temp directory or fails the query, never the process.
    memory_limit: DUCKDB_MEMORY_LIMIT,
    threads: String(DUCKDB_THREADS),
    // Spills go to the system's temp folder (per process), not a `.tmp` in whatever folder we started in.
    temp_directory: join(tmpdir(), `vollab-duckdb-${process.pid}`),
  });
  return instancePromise;
}

/** A fresh connection on the shared instance; the caller closes it (or use `withConnection`). */
export async function connect(): Promise<DuckDBConnection> {
  return DuckDBConnection.create(await instance());
}

export async function withConnection<T>(fn: (db: DuckDBConnection) => Promise<T>): Promise<T> {
  const db = await connect();
  try {
    return await fn(db);
  } finally {
    db.closeSync();
  }
}

/**
 * Run a statement and return its rows as plain JS objects (BIGINT → bigint, TIMESTAMP → Date, …).
 *
 * @example
 * const rows = await queryRows('SELECT count(*) AS n FROM read_parquet(?)', [path]);
 */
export async function queryRows(
  sql: string,
  params?: SqlParams,
  db?: DuckDBConnection,
): Promise<Record<string, unknown>[]> {
  const run = async (conn: DuckDBConnection) => {
    try {
      const reader = await conn.runAndReadAll(sql, params);
      return reader.getRowObjectsJS() as Record<string, unknown>[];
    } catch (error) {
      throw QueryError.from(error, sql);
    }
  };
  return db ? run(db) : withConnection(run);
}

/** Run a statement for its effect (COPY, CREATE, …). */
export async function execute(
  sql: string,
  params?: SqlParams,
  db?: DuckDBConnection,
): Promise<void> {
  await queryRows(sql, params, db);
}

/** Quote an identifier for DuckDB (`"a""b"`); for names that were validated against a schema. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quote a string literal (`'it''s'`), for the few places DuckDB does not accept a parameter (COPY TO paths). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
