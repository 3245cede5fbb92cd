/**
 * `/api/sql`'s bounds: a result over the row or byte limit is a 413 and a query over the time limit a 422, and
 * the sandbox answers the next query as before.
 */
import { tableFromIPC } from 'apache-arrow';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogReader } from '../../../server/datasets/catalog-reader';
import { errorHandler } from '../../../server/http/errors';
import { sqlRoutes } from '../../../server/routes/sql';
import { createSqlSandbox, type SqlSandbox } from '../../../server/sql-sandbox/sandbox';
import { createFixture, type Fixture } from './fixtures';

const ROWS = 20_000; // per currency: a self cross join has 1.6e9 rows and cannot finish in time

let fx: Fixture;
let sandbox: SqlSandbox;
let app: Hono;

beforeAll(async () => {
  fx = await createFixture({ rows: ROWS });
  const catalog = createCatalogReader(fx.config.datasetsDir);
  sandbox = createSqlSandbox({ datasetsDir: fx.config.datasetsDir, catalog, timeoutMs: 1500 });
  app = new Hono();
  app.onError(errorHandler());
  app.route(
    '/api/sql',
    sqlRoutes({
      sandbox,
      catalog,
      datasetsDir: fx.config.datasetsDir,
      limits: { maxRows: 1000, maxBytes: 8192 },
    }),
  );
}, 60_000);

afterAll(async () => {
  sandbox.close();
  await fx.cleanup();
});

const query = (sql: string) =>
  app.request('http://localhost/api/sql/query', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sql }),
  });

async function expectError(sql: string, status: number, message: RegExp): Promise<void> {
  const res = await query(sql);
  expect(res.status).toBe(status);
  expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
}

describe('/api/sql limits', () => {
  it('answers concurrent first queries on a fresh sandbox (the views are defined once)', async () => {
    const answers = await Promise.all(
      [1, 2, 3, 4].map((n) => query(`SELECT count(*)::INTEGER + ${n} AS n FROM ticks`)),
    );
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200]);
    const values = await Promise.all(
      answers.map(async (res) =>
        tableFromIPC(new Uint8Array(await res.arrayBuffer()))
          .getChild('n')!
          .get(0),
      ),
    );
    expect(values).toEqual([1, 2, 3, 4].map((n) => ROWS * 2 + n));
  });

  it('answers within the limits: 1,000 rows of one number', async () => {
    const res = await query('SELECT range::INTEGER AS i FROM range(1000)');
    expect(res.status).toBe(200);
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(table.numRows).toBe(1000);
    expect(table.getChild('i')!.get(999)).toBe(999);
  });

  it('refuses a result over the row limit with a 413', async () => {
    await expectError('SELECT * FROM ticks', 413, /exceeds 1000 rows/);
  });

  it('refuses a result over the byte limit with a 413', async () => {
    await expectError("SELECT repeat('x', 10000) AS s", 413, /exceeds 8192 bytes/);
  });

  it('stops a query over the time limit with a 422, and answers the next one', async () => {
    await expectError(
      'SELECT count(*) FROM ticks a, ticks b WHERE a.close < b.close',
      422,
      /1\.5 s/,
    );
    const res = await query('SELECT count(*)::INTEGER AS n FROM ticks');
    expect(
      tableFromIPC(new Uint8Array(await res.arrayBuffer()))
        .getChild('n')!
        .get(0),
    ).toBe(ROWS * 2);
  });
});
