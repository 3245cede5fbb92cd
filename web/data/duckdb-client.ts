/**
 * The browser's one connector in front of DuckDB-WASM (in its own worker). Loaded once through a cached
 * promise, with extension autoloading off: the Parquet extension would be fetched from DuckDB's CDN, which
 * hangs or fails offline, so Parquet is decoded by parquet-wasm and handed over as Arrow IPC instead.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import type { Table } from 'apache-arrow';
import { QueryError } from './query-error';

const bundles: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasmUrl, mainWorker: mvpWorkerUrl },
  eh: { mainModule: ehWasmUrl, mainWorker: ehWorkerUrl },
};

interface Session {
  db: duckdb.AsyncDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
}

export interface DuckDbClient {
  /** Run SQL with `?` parameters bound in order; resolves to an Arrow table. */
  query(sql: string, params?: readonly unknown[]): Promise<Table>;
  /** Create or replace table `name` from Arrow IPC stream bytes. */
  insertArrowIpc(name: string, ipc: Uint8Array): Promise<void>;
  /** Names of the tables in the main schema. */
  tables(): Promise<string[]>;
}

export function createDuckDbClient(): DuckDbClient {
  let session: Promise<Session> | null = null;
  const open = (): Promise<Session> => {
    session ??= openSession().catch((error: unknown) => {
      session = null;
      throw error;
    });
    return session;
  };
  // DuckDB-WASM runs one statement at a time per connection; a queue keeps concurrent cells from interleaving
  // a prepare with another cell's execute.
  let queue: Promise<unknown> = Promise.resolve();
  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    query(sql, params = []) {
      return serialize(async () => {
        const { conn } = await open();
        try {
          if (params.length === 0) return await conn.query(sql);
          const statement = await conn.prepare(sql);
          try {
            return await statement.query(...params);
          } finally {
            await statement.close();
          }
        } catch (error) {
          throw new QueryError(error instanceof Error ? error.message : String(error), sql, {
            cause: error,
          });
        }
      });
    },
    insertArrowIpc(name, ipc) {
      return serialize(async () => {
        const { conn } = await open();
        await conn.query(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`);
        await conn.insertArrowFromIPCStream(ipc, { name, create: true });
      });
    },
    async tables() {
      const result = await this.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1",
      );
      return result.toArray().map((row) => String((row as { table_name: string }).table_name));
    },
  };
}

async function openSession(): Promise<Session> {
  const start = performance.now();
  const bundle = await duckdb.selectBundle(bundles);
  const worker = new Worker(bundle.mainWorker!, { type: 'classic' });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  performance.measure('vollab:duckdb instantiate', { start });
  await db.open({
    query: { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true },
  });
  const conn = await db.connect();
  await conn.query('SET autoinstall_known_extensions = false');
  await conn.query('SET autoload_known_extensions = false');
  return { db, conn };
}
