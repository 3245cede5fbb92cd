import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  QueryError,
  execute,
  queryRows,
  quoteIdentifier,
  quoteLiteral,
} from '../../../server/db/duckdb';

describe('native DuckDB', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vollab-duckdb-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('binds parameters and returns plain rows', async () => {
    const rows = await queryRows('SELECT ?::INTEGER + 1 AS x, ? AS s', [41, "it's"]);
    expect(rows).toEqual([{ x: 42, s: "it's" }]);
  });

  it('writes and reads Parquet without fetching an extension', async () => {
    const path = join(dir, 'a.parquet');
    await execute(
      `COPY (SELECT range AS i, range * 0.5 AS v FROM range(1000)) TO ${quoteLiteral(path)} (FORMAT parquet)`,
    );
    const [row] = await queryRows('SELECT count(*) AS n, sum(v) AS s FROM read_parquet(?)', [path]);
    expect(row).toEqual({ n: 1000n, s: 249750 });
  });

  it('reports a failing statement with its SQL', async () => {
    const sql = 'SELEC 1';
    const error = await queryRows(sql).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).sql).toBe(sql);
    expect((error as QueryError).message).toMatch(/syntax error/i);
  });

  it('quotes identifiers and literals', () => {
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
    expect(quoteLiteral("it's")).toBe("'it''s'");
  });
});
