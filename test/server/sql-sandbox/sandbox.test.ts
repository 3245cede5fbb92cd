import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogReader } from '../../../server/datasets/catalog-reader';
import {
  createSqlSandbox,
  SandboxError,
  type SqlSandbox,
} from '../../../server/sql-sandbox/sandbox';
import { createFixture, fixtureRows, type Fixture } from '../routes/fixtures';

const ROWS = 20_000; // per currency: 40,000 rows, so a self cross join has 1.6e9 rows and cannot finish in time

let fx: Fixture;
let sandbox: SqlSandbox;

beforeAll(async () => {
  fx = await createFixture({ rows: ROWS });
  await writeFile(join(fx.root, 'secret.csv'), 'key\nsk-ant-secret\n');
  sandbox = createSqlSandbox({
    datasetsDir: fx.config.datasetsDir,
    catalog: createCatalogReader(fx.config.datasetsDir),
    timeoutMs: 1500,
    memoryLimit: '256MB',
  });
}, 60_000);

afterAll(async () => {
  sandbox.close();
  await fx.cleanup();
});

async function refusal(sql: string): Promise<string> {
  const error = await sandbox.run(sql).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SandboxError);
  return (error as Error).message;
}

async function stillHealthy(): Promise<void> {
  const result = await sandbox.run('SELECT count(*) AS n FROM ticks');
  expect(result.rows).toEqual([[ROWS * 2]]);
}

describe('sql sandbox: answers', () => {
  it('aggregates a dataset view with the hive partition column, as the plain-JS reference does', async () => {
    const reference = new Map<string, number>();
    for (const row of fixtureRows(ROWS))
      reference.set(row.currency, (reference.get(row.currency) ?? 0) + row.volume);
    const result = await sandbox.run(
      'WITH v AS (SELECT currency, volume FROM ticks) SELECT currency, sum(volume) AS total FROM v GROUP BY 1 ORDER BY 1',
    );
    expect(result.columns.map((c) => c.name)).toEqual(['currency', 'total']);
    expect(result.rows.map(([c, t]) => [c, Number(t)])).toEqual([...reference.entries()].sort());
  });

  it('keeps 1,000 rows and counts them all', async () => {
    const result = await sandbox.run('SELECT date, close FROM ticks');
    expect(result.rows).toHaveLength(1000);
    expect(result.totalRows).toBe(ROWS * 2);
    expect(result.truncated).toBe(true);
  });
});

describe('sql sandbox: hostile statements', () => {
  const hostile: [string, (root: string) => string, RegExp][] = [
    [
      'read_csv on /etc/passwd',
      () => "SELECT * FROM read_csv('/etc/passwd')",
      /table function read_csv/,
    ],
    [
      'a file beside the data folder',
      (r) => `SELECT * FROM read_csv_auto('${r}/secret.csv')`,
      /read_csv_auto/,
    ],
    ['a replacement scan on a path', (r) => `SELECT * FROM '${r}/secret.csv'`, /unknown table/],
    [
      'read_parquet on the data folder',
      (r) => `SELECT * FROM read_parquet('${r}/datasets/**/*.parquet')`,
      /read_parquet/,
    ],
    ['glob', () => "SELECT * FROM glob('/*')", /glob/],
    [
      'read_text inside a subquery',
      () => "SELECT (SELECT content FROM read_text('/etc/passwd'))",
      /read_text/,
    ],
    ['COPY … TO', (r) => `COPY (SELECT 1) TO '${r}/out.csv'`, /only one SELECT/],
    ['ATTACH', (r) => `ATTACH '${r}/x.db' AS x`, /only one SELECT/],
    ['INSTALL httpfs', () => 'INSTALL httpfs', /only one SELECT/],
    ['LOAD', () => 'LOAD httpfs', /only one SELECT/],
    ['PRAGMA', () => 'PRAGMA database_list', /only one SELECT/],
    ['SET', () => "SET memory_limit = '100GB'", /only one SELECT/],
    ['getenv', () => "SELECT getenv('ANTHROPIC_API_KEY')", /getenv/],
    [
      'two statements',
      (r) => `SELECT 1; COPY (SELECT 1) TO '${r}/out.csv'`,
      /(one statement|only one SELECT)/,
    ],
    ['two SELECTs', () => 'SELECT 1; SELECT 2', /expected one statement, got 2/],
    ['query() running other SQL', () => "SELECT * FROM query('SELECT 1')", /query/],
    ['a settings table function', () => 'SELECT * FROM duckdb_settings()', /duckdb_settings/],
    [
      'a schema-qualified system table',
      () => 'SELECT * FROM information_schema.tables',
      /unknown table/,
    ],
    ['CREATE TABLE', () => 'CREATE TABLE t AS SELECT 1', /only one SELECT/],
  ];
  for (const [label, sql, reason] of hostile) {
    it(`refuses ${label}, writes nothing and keeps serving`, async () => {
      expect(await refusal(sql(fx.root))).toMatch(reason);
      expect(existsSync(join(fx.root, 'out.csv'))).toBe(false);
      expect(existsSync(join(fx.root, 'x.db'))).toBe(false);
      await stillHealthy();
    });
  }

  it('stops a recursive CTE that never ends', async () => {
    const message = await refusal(
      'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r',
    );
    expect(message).toMatch(/stopped|memory|Out of Memory/i);
    await stillHealthy();
  }, 30_000);

  it('stops a cross join of the dataset with itself', async () => {
    const message = await refusal(
      'SELECT count(*) FROM ticks a, ticks b WHERE a.close + b.close > 0',
    );
    expect(message).toMatch(/stopped|memory/i);
    await stillHealthy();
  }, 30_000);

  it('reports a syntax error with its position', async () => {
    expect(await refusal('SELEC 1')).toMatch(/syntax error at character 0/);
  });

  it('does not name the data folder in an error', async () => {
    const message = await refusal('SELECT no_such_column FROM ticks');
    expect(message).not.toContain(fx.root);
  });
});
