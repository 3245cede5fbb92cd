/**
 * The `Connector` over a DuckDB-WASM connection, whichever build opened it: the browser's async worker
 * (`duckdb-client.ts`) or the blocking build in Node (the tests). Statements run one at a time, results come
 * back with dates as `Date`s, failures as `QueryError`s carrying the SQL.
 */
import type { Table } from 'apache-arrow';
import { LIST_TABLES_SQL, type Connector } from './connector';
import { withDates } from './dated-table';
import { QueryError } from './query-error';

/**
 * DuckDB-WASM's query options, shared by the browser and the Node tests: BIGINT and DECIMAL as doubles,
 * TIMESTAMP as Date64 (dates then read as `Date`s by `withDates`).
 */
export const WASM_QUERY_CONFIG = {
  castBigIntToDouble: true,
  castDecimalToDouble: true,
  castTimestampToDate: true,
} as const;

type MaybePromise<T> = T | Promise<T>;

/** The calls used of `AsyncDuckDBConnection` (browser) and of the blocking `DuckDBConnection` (Node). */
export interface WasmConnection {
  query(sql: string): MaybePromise<Table>;
  prepare(sql: string): MaybePromise<{
    query(...params: unknown[]): MaybePromise<Table>;
    close(): MaybePromise<void>;
  }>;
  insertArrowFromIPCStream(
    ipc: Uint8Array,
    options: { name: string; create: boolean },
  ): MaybePromise<unknown>;
}

/**
 * @example
 * const connector = createWasmConnector(async () => (await instantiate()).connect());
 * const t = await connector.query('SELECT ? AS x', [1]);
 */
export function createWasmConnector(open: () => Promise<WasmConnection>): Connector {
  let connection: Promise<WasmConnection> | null = null;
  const connect = (): Promise<WasmConnection> => {
    connection ??= open().catch((error: unknown) => {
      connection = null;
      throw error;
    });
    return connection;
  };
  // DuckDB-WASM runs one statement at a time per connection; a queue keeps concurrent cells from interleaving
  // a prepare with another cell's execute.
  let queue: Promise<unknown> = Promise.resolve();
  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const run = async (
    conn: WasmConnection,
    sql: string,
    params: readonly unknown[],
  ): Promise<Table> => {
    if (params.length === 0) return await conn.query(sql);
    const statement = await conn.prepare(sql);
    try {
      return await statement.query(...params);
    } finally {
      await statement.close();
    }
  };

  return {
    query(sql, params = []) {
      return serialize(async () => {
        const conn = await connect();
        try {
          return withDates(await run(conn, sql, params));
        } catch (error) {
          throw QueryError.from(error, sql);
        }
      });
    },
    insertArrowIpc(name, ipc) {
      return serialize(async () => {
        const conn = await connect();
        await conn.query(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`);
        await conn.insertArrowFromIPCStream(ipc, { name, create: true });
      });
    },
    async tables() {
      const result = await this.query(LIST_TABLES_SQL);
      return Array.from(result.getChild('table_name')!.toArray() as ArrayLike<unknown>, String);
    },
  };
}
