/**
 * The hand-over connector against the real sidecar app (its sandbox, over the fixture's Parquet) and DuckDB-WASM's
 * blocking build: the connector contract holds while the sidecar answers, the sidecar answers the notebook's
 * slices with the rows the slice holds, and DuckDB-WASM takes over once ready, on a write, or when the sidecar
 * cannot answer.
 */
import { Type, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SliceSpec } from '../../../server/contract';
import type { Connector } from '../../../web/data/connector';
import { DatasetStore } from '../../../web/data/datasets';
import { createHandoverConnector } from '../../../web/data/handover-connector';
import { sidecarQuery, type RemoteQuery } from '../../../web/data/sidecar-query';
import { createWasmConnector } from '../../../web/data/wasm-connector';
import {
  createFixture,
  fixtureRows,
  signedInApp,
  type Fixture,
} from '../../server/routes/fixtures';
import { openBlocking } from './blocking-wasm';
import { connectorContract } from './connector-contract';

const ROWS = 60;
let fx: Fixture;
let app: ReturnType<typeof signedInApp>;
const wasm = createWasmConnector(openBlocking);
const never = new Promise<never>(() => undefined);

beforeAll(async () => {
  fx = await createFixture({ rows: ROWS });
  app = signedInApp(fx.config);
  await wasm.query('SELECT 1'); // DuckDB-WASM's start-up, once, outside the tests' time limit
}, 60_000);
afterAll(() => fx.cleanup());

/** The sidecar's answers through `app.request`, counted. */
function countedRemote(slices: SliceSpec[] = []): RemoteQuery & { answered: number } {
  const remote = sidecarQuery(
    () => slices,
    'http://localhost/api/sql/query',
    async (input, init) => app.request(String(input), init),
  );
  const counted = Object.assign(
    async (sql: string, params: readonly unknown[]) => {
      const answer = await remote(sql, params);
      if (answer) counted.answered++;
      return answer;
    },
    { answered: 0 },
  );
  return counted;
}

/** A connector that records the SQL it is asked. */
function recording(inner: Connector): Connector & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    query: (sql, params) => (asked.push(sql), inner.query(sql, params)),
    insertArrowIpc: (name, ipc) => inner.insertArrowIpc(name, ipc),
    tables: () => inner.tables(),
  };
}

const plain = (table: Table) => table.toArray().map((r) => ({ ...r }));

describe('hand-over connector while DuckDB-WASM starts: the connector contract', () => {
  const remote = countedRemote();
  const db = createHandoverConnector(wasm, remote, never);
  connectorContract(() => db);

  it('answered the contract queries it could from the sidecar', () => {
    // The contract's first four queries; errors, inserts and listings are DuckDB-WASM's.
    expect(remote.answered).toBeGreaterThanOrEqual(4);
  });
});

describe('hand-over connector: which engine answers', () => {
  const slices: SliceSpec[] = [{ name: 'ticks', as: 'btc', where: { currency: 'BTC' } }];
  const SQL = 'SELECT date, close, symbol FROM btc WHERE close < ? ORDER BY date';
  const expected = fixtureRows(ROWS)
    .filter((r) => r.currency === 'BTC' && r.close < 110)
    .map((r) => ({ date: new Date(`${r.date}T00:00:00Z`), close: r.close, symbol: r.symbol }));

  it('answers a slice from the sidecar with its rows and the browser column types', async () => {
    const remote = countedRemote(slices);
    const spy = recording(wasm);
    const table = await createHandoverConnector(spy, remote, never).query(SQL, [110]);
    expect(plain(table)).toEqual(expected);
    expect(table.schema.fields.map((f) => f.type.typeId)).toEqual([
      Type.Date,
      Type.Float,
      Type.Utf8,
    ]);
    expect([remote.answered, spy.asked]).toEqual([1, []]);
  });

  it('binds parameters as DuckDB-WASM does: numbers as DOUBLE', async () => {
    const remote = countedRemote();
    const params = [30, 1.5, 'a', true];
    const sql = 'SELECT ? AS i, ? AS f, ? AS s, ? AS b';
    const fromSidecar = await createHandoverConnector(wasm, remote, never).query(sql, params);
    const fromWasm = await wasm.query(sql, params);
    expect(remote.answered).toBe(1);
    expect(fromSidecar.schema.fields.map((f) => String(f.type))).toEqual(
      fromWasm.schema.fields.map((f) => String(f.type)),
    );
    expect(plain(fromSidecar)).toEqual(plain(fromWasm));
  });

  it('leaves a query with a Date or null parameter to DuckDB-WASM', async () => {
    const remote = countedRemote();
    const spy = recording(wasm);
    const db = createHandoverConnector(spy, remote, never);
    await db.query('SELECT ? AS n', [null]);
    await db.query('SELECT ?::TIMESTAMP AS t', [new Date(0)]);
    expect([remote.answered, spy.asked.length]).toEqual([0, 2]);
  });

  it('switches to DuckDB-WASM once it is ready', async () => {
    const remote = countedRemote(slices);
    const spy = recording(wasm);
    let ready!: () => void;
    const db = createHandoverConnector(spy, remote, new Promise<void>((r) => (ready = r)));
    ready();
    await Promise.resolve();
    expect(db.answersBeforeLoad()).toBe(false);
    expect(plain(await db.query('SELECT 2 AS x'))).toEqual([{ x: 2 }]);
    expect([remote.answered, spy.asked]).toEqual([0, ['SELECT 2 AS x']]);
  });

  it('falls back to DuckDB-WASM when the sidecar is unreachable or refuses', async () => {
    const unreachable = sidecarQuery(
      () => slices,
      'http://127.0.0.1:9/api/sql/query',
      () => Promise.reject(new TypeError('fetch failed')),
    );
    const spy = recording(wasm);
    const db = createHandoverConnector(spy, unreachable, never);
    expect(plain(await db.query('SELECT 3 AS x'))).toEqual([{ x: 3 }]);
    const refusing = createHandoverConnector(spy, countedRemote(slices), never);
    // Not a dataset: the sidecar refuses, DuckDB-WASM reports the error as it always does.
    await expect(refusing.query('SELECT * FROM not_a_table')).rejects.toThrow(/not_a_table/);
    expect(spy.asked).toEqual(['SELECT 3 AS x', 'SELECT * FROM not_a_table']);
  });

  it('sends a statement that writes, and every read after it, to DuckDB-WASM', async () => {
    const remote = countedRemote(slices);
    const spy = recording(wasm);
    const db = createHandoverConnector(spy, remote, never);
    await db.query('CREATE OR REPLACE TABLE handover_w AS SELECT 1 AS x');
    expect(plain(await db.query('SELECT x FROM handover_w'))).toEqual([{ x: 1 }]);
    expect(remote.answered).toBe(0);
    expect(db.answersBeforeLoad()).toBe(false);
  });

  /** A dataset store over `db` whose table loads are recorded (and never finish). */
  function recordingStore(db: Connector) {
    const loads: string[] = [];
    const store = new DatasetStore(db, {
      catalog: async () => (await app.request('http://localhost/api/datasets')).json(),
      loadTable: (table) => (loads.push(table), never),
      loadArrow: () => never,
    });
    store.setSlices(slices);
    return { store, loads };
  }

  it('lets the dataset store answer before its tables load, and load them once DuckDB-WASM is ready', async () => {
    const remote = countedRemote(slices);
    let ready!: () => void;
    const db = createHandoverConnector(wasm, remote, new Promise<void>((r) => (ready = r)));
    const { store, loads } = recordingStore(db);
    expect(plain(await store.query(SQL, [110], ['btc']))).toEqual(expected);
    void store.prefetchTables(['btc']);
    // Loading would start DuckDB-WASM's work while the cold open's cells still need the machine.
    await new Promise((r) => setTimeout(r, 50));
    expect(loads).toEqual([]);
    ready();
    await expect.poll(() => loads).toEqual(['btc']);
    expect(remote.answered).toBe(1);
  });

  it('loads tables at once when a query had to run on DuckDB-WASM during the hand-over', async () => {
    const db = createHandoverConnector(recording(wasm), countedRemote(slices), never);
    const { store, loads } = recordingStore(db);
    void store.prefetchTables(['btc']);
    await new Promise((r) => setTimeout(r, 50));
    expect(loads).toEqual([]);
    // A Date parameter: the sidecar cannot bind it alike, so DuckDB-WASM runs it.
    await db.query('SELECT ?::TIMESTAMP AS t', [new Date(0)]);
    await expect.poll(() => loads).toEqual(['btc']);
  });
});
