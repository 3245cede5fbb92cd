/**
 * A throwaway Vol Lab tree for sidecar tests: a small hive-partitioned dataset written by DuckDB, its
 * catalog.json, a notebooks folder and a fake `web/dist`. The rows follow closed-form rules
 * (`fixtureRows`), so a test can compute the expected result of any filter in plain JS.
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  DatasetCatalog,
  DatasetEntry,
  DatasetPartition,
} from '../../../server/contract/catalog';
import { execute, quoteLiteral } from '../../../server/db/duckdb';
import type { Hono } from 'hono';
import { createApp, type AppConfig, type AppServices } from '../../../server/app';
import { loadConfig, type VolLabConfig } from '../../../server/config';

export const CURRENCIES = ['BTC', 'ETH'] as const;

export interface FixtureRow {
  date: string;
  symbol: string;
  close: number;
  volume: number;
  currency: string;
}

/** Row `i` of currency number `k`: one row per `perDay` steps from 2025-01-01. */
export function fixtureRows(rows: number, perDay = 1): FixtureRow[] {
  const out: FixtureRow[] = [];
  CURRENCIES.forEach((currency, k) => {
    for (let i = 0; i < rows; i++) {
      const day = new Date(Date.UTC(2025, 0, 1 + Math.floor(i / perDay)));
      out.push({
        date: day.toISOString().slice(0, 10),
        symbol: i % 3 === 0 ? `${currency}-PERP` : `${currency}-SPOT`,
        close: (k + 1) * 100 + i * 0.5,
        volume: i * 10,
        currency,
      });
    }
  });
  return out;
}

export interface Fixture {
  root: string;
  config: VolLabConfig;
  entry: DatasetEntry;
  cleanup(): Promise<void>;
}

/** Build the tree; `rows` per currency (default 90). */
export async function createFixture(
  options: { rows?: number; perDay?: number; env?: Record<string, string> } = {},
): Promise<Fixture> {
  const rows = options.rows ?? 90;
  const perDay = options.perDay ?? 1;
  const root = await mkdtemp(join(tmpdir(), 'vollab-sidecar-'));
  const datasetsDir = join(root, 'datasets');
  const partitions: DatasetPartition[] = [];
  for (const [k, currency] of CURRENCIES.entries()) {
    const path = `source=simulated/kind=ticks/currency=${currency}/part-0.parquet`;
    await mkdir(join(datasetsDir, path, '..'), { recursive: true });
    const symbol = `CASE WHEN range % 3 = 0 THEN '${currency}-PERP' ELSE '${currency}-SPOT' END`;
    await execute(
      `COPY (SELECT DATE '2025-01-01' + CAST(range // ${perDay} AS INTEGER) AS date, ${symbol} AS symbol,
        ${(k + 1) * 100} + range * 0.5 AS close, CAST(range * 10 AS INTEGER) AS volume FROM range(${rows}))
       TO ${quoteLiteral(join(datasetsDir, path))} (FORMAT parquet)`,
    );
    const bytes = (await stat(join(datasetsDir, path))).size;
    partitions.push({
      path,
      values: { source: 'simulated', kind: 'ticks', currency },
      rows,
      bytes,
    });
  }
  const entry: DatasetEntry = {
    name: 'ticks',
    title: 'Ticks',
    description: 'test fixture',
    source: 'simulated',
    simulated: true,
    path: 'source=simulated/kind=ticks',
    partitionKeys: ['currency'],
    partitions,
    schema: [
      { name: 'date', type: 'DATE' },
      { name: 'symbol', type: 'VARCHAR' },
      { name: 'close', type: 'DOUBLE' },
      { name: 'volume', type: 'INTEGER' },
      { name: 'currency', type: 'VARCHAR' },
    ],
    rows: rows * CURRENCIES.length,
    bytes: partitions.reduce((s, p) => s + p.bytes, 0),
    timeColumn: 'date',
    timeRange: null,
  };
  const catalog: DatasetCatalog = {
    version: 1,
    generatedAt: '2025-01-01T00:00:00Z',
    datasets: [entry],
  };
  await writeFile(join(datasetsDir, 'catalog.json'), JSON.stringify(catalog, null, 2));
  await mkdir(join(root, 'notebooks'));
  await mkdir(join(root, 'web/dist/assets'), { recursive: true });
  await writeFile(join(root, 'web/dist/index.html'), '<!doctype html><title>Vol Lab</title>');
  await writeFile(join(root, 'web/dist/assets/main-abc123.js'), 'console.log(1);\n');
  await writeFile(
    join(root, 'web/dist/assets/duckdb-def456.wasm'),
    new Uint8Array([0, 97, 115, 109]),
  );
  const config = loadConfig(
    {
      VOLLAB_DATA_DIR: 'datasets',
      VOLLAB_NOTEBOOKS_DIR: 'notebooks',
      VOLLAB_WEB_DIST: 'web/dist',
      VOLLAB_CACHE_DIR: 'cache',
      ...options.env,
    },
    root,
  );
  return { root, config, entry, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** The rows of a Parquet response body, read back with DuckDB (dates as ISO strings). */
export async function readParquetBody(
  root: string,
  res: Response,
): Promise<Record<string, unknown>[]> {
  const path = join(root, `readback-${Math.random().toString(36).slice(2)}.parquet`);
  await writeFile(path, new Uint8Array(await res.arrayBuffer()));
  const { queryRows } = await import('../../../server/db/duckdb');
  const rows = await queryRows('SELECT * FROM read_parquet(?)', [path]);
  await rm(path);
  const plain = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
}

export interface JsonInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Requests to one route of an app through `app.request`: a string body is sent as is, anything else as JSON.
 *
 * @example
 * const api = jsonApi(() => app, '/api/notebooks');
 * await api('/a.md', { method: 'PUT', body: { text }, headers: { 'if-match': etag } });
 */
export function jsonApi(
  app: () => { request(url: string, init: RequestInit): Response | Promise<Response> },
  base: string,
): (path: string, init?: JsonInit) => Promise<Response> {
  return async (path, init = {}) =>
    app().request(`http://localhost${base}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'Content-Type': 'application/json', ...init.headers },
      ...(init.body === undefined
        ? {}
        : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });
}

/**
 * The app of `createApp`, whose `request` sends `config.token` as a bearer token unless the caller sets
 * `Authorization` itself: route tests exercise the routes, test/server/routes/guards.test.ts the token.
 *
 * @example
 * const app = signedInApp(fx.config);
 * await app.request('http://localhost/api/datasets'); // 200, not 401
 */
export function signedInApp(config: AppConfig, services: AppServices = {}): Hono {
  const app = createApp(config, services);
  const request = app.request;
  app.request = (input, init, ...rest) => {
    const headers = new Headers(init?.headers);
    if (!headers.has('Authorization')) headers.set('Authorization', `Bearer ${config.token}`);
    return request(input, { ...init, headers }, ...rest);
  };
  return app;
}
