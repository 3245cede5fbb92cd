/** DuckDB-WASM's blocking build in Node, behind the same connector code as the browser's worker. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import { tableFromIPC, type Table } from 'apache-arrow';
import { WASM_QUERY_CONFIG, type WasmConnection } from '../../../web/data/wasm-connector';

const require = createRequire(import.meta.url);
// The blocking build loads apache-arrow through require (its CommonJS copy); the browser bundle has one copy.
// Results cross to the ESM copy as IPC bytes, as PACKAGES.md prescribes between Arrow copies.
const cjsArrow = require('apache-arrow') as {
  tableToIPC(table: unknown, type: 'stream'): Uint8Array;
};
const rehome = (table: unknown): Table => tableFromIPC(cjsArrow.tableToIPC(table, 'stream'));

export async function openBlocking(): Promise<WasmConnection> {
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const db = await createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
    },
    new VoidLogger(),
    NODE_RUNTIME,
  );
  await db.instantiate();
  db.open({ query: WASM_QUERY_CONFIG });
  const conn = db.connect();
  conn.query('SET autoinstall_known_extensions = false');
  conn.query('SET autoload_known_extensions = false');
  return {
    query: (sql) => rehome(conn.query(sql)),
    prepare: (sql) => {
      const statement = conn.prepare(sql);
      return {
        query: (...params) => rehome(statement.query(...params)),
        close: () => statement.close(),
      };
    },
    insertArrowFromIPCStream: (ipc, options) => conn.insertArrowFromIPCStream(ipc, options),
  };
}
