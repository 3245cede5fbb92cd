/**
 * `POST /api/sql/query` on a real sidecar on loopback: a notebook's read-only SQL answered as Arrow IPC over the
 * fixture's dataset and the notebook's slices, behind the token, the Origin check and the JSON-only rule, and
 * refusing every statement that is not one read-only SELECT over the datasets.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlQueryRequest } from '../../server/contract';
import { startServer, type RunningServer } from '../../server/main';
import { withDates } from '../../web/data/dated-table';
import { createFixture, fixtureRows, type Fixture } from '../server/routes/fixtures';

const ROWS = 90;
let fx: Fixture;
let server: RunningServer;

beforeAll(async () => {
  fx = await createFixture({ rows: ROWS });
  await writeFile(join(fx.root, 'secret.csv'), 'key\nsk-ant-secret\n');
  server = await startServer({ ...fx.config, port: 0 });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await fx.cleanup();
});

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL('api/sql/query', server.url), {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${server.token}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function rows(request: SqlQueryRequest): Promise<Record<string, unknown>[]> {
  const res = await post(request);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('Content-Type')).toBe('application/vnd.apache.arrow.stream');
  const table = withDates(tableFromIPC(new Uint8Array(await res.arrayBuffer())));
  return table.toArray().map((r) => ({ ...r }));
}

async function errorOf(body: unknown, headers?: Record<string, string>) {
  const res = await post(body, headers);
  const json = (await res.json()) as { error: { message: string } };
  return { status: res.status, message: json.error.message };
}

describe('POST /api/sql/query: answers', () => {
  it('reads a slice under its own name, with bound parameters and dates as Dates', async () => {
    const request: SqlQueryRequest = {
      sql: 'SELECT date, close FROM btc WHERE close >= ? ORDER BY date LIMIT 3',
      params: [120],
      slices: [{ name: 'ticks', as: 'btc', where: { currency: 'BTC' } }],
    };
    const expected = fixtureRows(ROWS)
      .filter((r) => r.currency === 'BTC' && r.close >= 120)
      .slice(0, 3)
      .map((r) => ({ date: new Date(`${r.date}T00:00:00Z`), close: r.close }));
    expect(await rows(request)).toEqual(expected);
  });

  it('a slice named like its dataset hides the rest of the dataset, as in the browser', async () => {
    const sliced = await rows({
      sql: 'SELECT currency, count(*) AS n FROM ticks GROUP BY ALL ORDER BY 1',
      slices: [{ name: 'ticks', where: { currency: 'ETH' }, columns: ['currency', 'close'] }],
    });
    expect(sliced).toEqual([{ currency: 'ETH', n: ROWS }]);
    const whole = await rows({
      sql: 'SELECT currency, count(*) AS n FROM ticks GROUP BY ALL ORDER BY 1',
    });
    expect(whole).toEqual([
      { currency: 'BTC', n: ROWS },
      { currency: 'ETH', n: ROWS },
    ]);
  });
});

describe('POST /api/sql/query: refusals', () => {
  it('needs the token', async () => {
    const res = await post({ sql: 'SELECT 1' }, { Authorization: '' });
    expect(res.status).toBe(401);
    const wrong = await post({ sql: 'SELECT 1' }, { Authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
  });

  it('refuses another origin and a body that is not JSON', async () => {
    expect((await errorOf({ sql: 'SELECT 1' }, { Origin: 'https://evil.example' })).status).toBe(
      403,
    );
    const form = await post('sql=SELECT+1', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect((await errorOf('{"sql": ')).status).toBe(400);
  });

  it.each([
    ["COPY ticks TO '/tmp/out.csv'", /refused/],
    ['CREATE TABLE t AS SELECT 1', /refused/],
    ["ATTACH 'x.db'", /refused/],
    ['SELECT 1; SELECT 2', /refused/],
    [`SELECT * FROM read_csv('secret.csv')`, /refused: table function read_csv/],
    [`SELECT * FROM '${join('..', 'secret.csv')}'`, /refused: unknown table/],
    ["SELECT getenv('HOME')", /refused: function getenv/],
    ['SELECT * FROM duckdb_settings()', /refused: table function/],
  ])('refuses %s with a 400', async (sql, reason) => {
    const { status, message } = await errorOf({ sql });
    expect(status).toBe(400);
    expect(message).toMatch(reason);
    expect(message).not.toContain(fx.root);
  });

  it('checks the body field by field', async () => {
    expect(await errorOf({ sql: '' })).toMatchObject({ status: 400, message: /invalid sql/ });
    expect(await errorOf({ sql: 'SELECT ?', params: [{ a: 1 }] })).toMatchObject({
      status: 400,
      message: /invalid params/,
    });
    expect(await errorOf({ sql: 'SELECT 1', extra: true })).toMatchObject({
      status: 400,
      message: /unknown field: extra/,
    });
    expect(await errorOf({ sql: 'SELECT 1', slices: [{ name: 'nope' }] })).toMatchObject({
      status: 400,
      message: /unknown dataset: nope/,
    });
    expect(
      await errorOf({ sql: 'SELECT 1', slices: [{ name: 'ticks', columns: ['nope'] }] }),
    ).toMatchObject({ status: 400, message: /unknown column: nope/ });
  });

  it('reports a failing query as a 422 without the datasets path', async () => {
    const { status, message } = await errorOf({ sql: 'SELECT price FROM ticks' });
    expect(status).toBe(422);
    expect(message).toMatch(/price/);
    expect(message).not.toContain(fx.config.datasetsDir);
  });
});
