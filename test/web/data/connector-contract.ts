/**
 * What both connectors (DuckDB-WASM and native DuckDB) must answer alike: the same Arrow column types, dates
 * as `Date`s on every row path and typed arrays on numeric columns, and the same `QueryError`.
 */
import { tableToIPC, tableFromArrays } from 'apache-arrow';
import * as aq from 'arquero';
import { expect, it } from 'vitest';
import type { Connector } from '../../../web/data/connector';
import { QueryError } from '../../../web/data/query-error';

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export function connectorContract(connect: () => Connector): void {
  const SQL = `SELECT * FROM (VALUES
      (DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05.678', 1.5::DOUBLE, 7::INTEGER, 9::BIGINT, 'BTC', 1.25::DECIMAL(6,2)),
      (DATE '2024-01-03', NULL, 2.5, 8, 10, 'ETH', 2.5)
    ) AS t(date, ts, close, n, big, symbol, dec)`;

  it('returns the browser column types: Date64 dates, Float64 for BIGINT and DECIMAL', async () => {
    const table = await connect().query(SQL);
    const types = Object.fromEntries(table.schema.fields.map((f) => [f.name, String(f.type)]));
    expect(types).toEqual({
      date: 'Date64<MILLISECOND>',
      ts: 'Date64<MILLISECOND>',
      close: 'Float64',
      n: 'Int32',
      big: 'Float64',
      symbol: 'Utf8',
      dec: 'Float64',
    });
  });

  it('gives Date objects on the row paths a user touches', async () => {
    const table = await connect().query(SQL);
    const rows = table.toArray() as Record<string, unknown>[];
    expect(rows[0]).toEqual({
      date: day('2024-01-02'),
      ts: new Date('2024-01-02T03:04:05.678Z'),
      close: 1.5,
      n: 7,
      big: 9,
      symbol: 'BTC',
      dec: 1.25,
    });
    expect(rows[1]!.ts).toBeNull();
    expect([...table].map((r) => (r as { date: Date }).date)).toEqual([
      day('2024-01-02'),
      day('2024-01-03'),
    ]);
    const objects = aq
      .fromArrow(table as unknown as Parameters<typeof aq.fromArrow>[0])
      .objects() as { date: unknown; ts: unknown }[];
    expect(objects[1]!.date).toEqual(day('2024-01-03'));
    expect(objects[0]!.ts).toBeInstanceOf(Date);
    expect(table.getChild('date')!.get(0)).toEqual(day('2024-01-02'));
  });

  it('keeps numeric columns on the typed-array fast path', async () => {
    const table = await connect().query(SQL);
    expect(table.getChild('close')!.toArray()).toEqual(new Float64Array([1.5, 2.5]));
    expect(table.getChild('n')!.toArray()).toEqual(new Int32Array([7, 8]));
  });

  it('binds ? parameters in order', async () => {
    const table = await connect().query('SELECT ?::DOUBLE * 2 AS x, ? AS s', [21, 'a']);
    expect(table.toArray().map((r) => ({ ...r }))).toEqual([{ x: 42, s: 'a' }]);
  });

  it('fails with a QueryError carrying the SQL and the position DuckDB reports', async () => {
    const sql = 'SELECT\n  price\nFROM (SELECT 1 AS close)';
    const error = await connect()
      .query(sql)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).sql).toBe(sql);
    expect((error as QueryError).position).toEqual({ line: 2, column: 3 });
    expect((error as QueryError).message).toMatch(/price/);
  });

  it('reports a syntax error in the same words', async () => {
    const error = await connect()
      .query('SELEC 1')
      .catch((e: unknown) => e);
    expect((error as QueryError).message).toMatch(/^Parser Error: syntax error at or near "SELEC"/);
    expect((error as QueryError).position).toEqual({ line: 1, column: 1 });
  });

  it('inserts Arrow IPC as a table and lists it', async () => {
    const db = connect();
    const source = tableFromArrays({ x: Float64Array.from([1, 2, 3]), name: ['a', 'b', 'c'] });
    await db.insertArrowIpc('inserted', tableToIPC(source, 'stream'));
    await db.insertArrowIpc('inserted', tableToIPC(source.slice(0, 2), 'stream'));
    const back = await db.query("SELECT sum(x) AS s, string_agg(name, '') AS names FROM inserted");
    expect(back.toArray().map((r) => ({ ...r }))).toEqual([{ s: 3, names: 'ab' }]);
    expect(await db.tables()).toContain('inserted');
  });
}
