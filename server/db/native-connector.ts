/**
 * The `Connector` over native DuckDB (@duckdb/node-api): the headless notebook runner's database. Each
 * connector owns one in-memory instance, so the tables one notebook run creates are its own. Results are Arrow
 * tables with the browser's column types (`arrow-result.ts`) and dates read as `Date`s; failures are the shared
 * `QueryError`, with the SQL and the position DuckDB reports.
 */
import {
  DuckDBConnection,
  DuckDBInstance,
  DuckDBTimestampValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { LIST_TABLES_SQL, type Connector } from '../../web/data/connector';
import { withDates } from '../../web/data/dated-table';
import { QueryError } from '../../web/data/query-error';
import { insertArrowTable } from './arrow-insert';
import { resultToArrow } from './arrow-result';

export interface NativeConnector extends Connector {
  /** Close the connection and the instance; later calls reject. */
  close(): void;
}

/**
 * @example
 * const db = createNativeConnector();
 * const t = await db.query('SELECT ? AS x, DATE \'2024-01-02\' AS d', [1.5]);
 * t.toArray()[0].d instanceof Date; // true
 * db.close();
 */
export function createNativeConnector(): NativeConnector {
  let opened: Promise<{ instance: DuckDBInstance; conn: DuckDBConnection }> | null = null;
  let closed = false;
  const open = () => {
    if (closed) return Promise.reject(new Error('connector closed'));
    opened ??= (async () => {
      const instance = await DuckDBInstance.create(':memory:', {
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'false',
      });
      return { instance, conn: await DuckDBConnection.create(instance) };
    })();
    return opened;
  };
  // One statement at a time, as on DuckDB-WASM: concurrent cells queue rather than interleave.
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
          // Without parameters, no prepare step: DuckDB's messages then read as on DuckDB-WASM.
          const bound = params.length > 0 ? params.map(boundValue) : undefined;
          return withDates(await resultToArrow(await conn.run(sql, bound)));
        } catch (error) {
          throw QueryError.from(error, sql);
        }
      });
    },
    insertArrowIpc(name, ipc) {
      return serialize(async () => insertArrowTable((await open()).conn, name, tableFromIPC(ipc)));
    },
    async tables() {
      const result = await this.query(LIST_TABLES_SQL);
      return Array.from(result.getChild('table_name')!.toArray() as ArrayLike<unknown>, String);
    },
    close() {
      closed = true;
      void opened?.then(({ instance, conn }) => {
        conn.closeSync();
        instance.closeSync();
      });
    },
  };
}

/** A cell's `${…}` parameter as node-api binds it: dates as timestamps, everything else as given. */
function boundValue(value: unknown): DuckDBValue {
  if (value instanceof Date) return new DuckDBTimestampValue(BigInt(value.getTime()) * 1000n);
  return value as DuckDBValue;
}
