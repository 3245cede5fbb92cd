import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetEntry } from '../../../server/contract/catalog';
import { partitionFiles, prunePartitions, sliceKey, sliceSql, writeSlice, type SliceQuery } from '../../../server/datasets/slice';
import { ApiError } from '../../../server/http/errors';
import { parseSliceQuery } from '../../../server/routes/slice-query';
import { createFixture, fixtureRows, type Fixture } from '../routes/fixtures';

const monthly: DatasetEntry = {
  name: 'm',
  title: 'm',
  description: '',
  source: 'simulated',
  simulated: true,
  path: 'kind=m',
  partitionKeys: ['currency', 'month'],
  partitions: ['BTC', 'ETH'].flatMap((currency) =>
    ['2025-01', '2025-02', '2025-03'].map((month) => ({
      path: `kind=m/currency=${currency}/month=${month}/part.parquet`,
      values: { kind: 'm', currency, month },
      rows: 1,
      bytes: 1,
    })),
  ),
  schema: [{ name: 'x', type: 'DOUBLE' }],
  rows: 6,
  bytes: 6,
  timeColumn: null,
  timeRange: null,
};
const query = (where: SliceQuery['where']): SliceQuery => ({ columns: ['x'], where, order: [], limit: null });

describe('prunePartitions', () => {
  it('keeps only partitions whose hive values satisfy equality, IN and ranges', () => {
    const paths = (where: SliceQuery['where']) => prunePartitions(monthly, where).map((p) => `${p.values.currency}/${p.values.month}`);
    expect(paths([['currency', { kind: 'eq', value: 'ETH' }]])).toEqual(['ETH/2025-01', 'ETH/2025-02', 'ETH/2025-03']);
    expect(
      paths([
        ['currency', { kind: 'in', values: ['BTC'] }],
        ['month', { kind: 'range', from: '2025-02' }],
      ]),
    ).toEqual(['BTC/2025-02', 'BTC/2025-03']);
    expect(paths([['month', { kind: 'range', to: '2025-01' }]])).toEqual(['BTC/2025-01', 'ETH/2025-01']);
    expect(paths([['x', { kind: 'eq', value: 1 }]])).toHaveLength(6); // not a partition key
    expect(paths([['currency', { kind: 'in', values: [] }]])).toEqual([]);
  });

  it('compares numeric hive values as numbers', () => {
    const numeric = { ...monthly, partitionKeys: ['n'], partitions: ['9', '10', '100'].map((n) => ({ ...monthly.partitions[0]!, values: { n } })) };
    expect(prunePartitions(numeric, [['n', { kind: 'range', from: 10 }]]).map((p) => p.values.n)).toEqual(['10', '100']);
  });

  it('refuses catalog paths that leave the datasets root', () => {
    const bad = { ...monthly.partitions[0]!, path: '../../etc/passwd' };
    expect(() => partitionFiles('/srv/datasets', [bad])).toThrow(ApiError);
    expect(partitionFiles('/srv/datasets', [monthly.partitions[0]!])).toEqual(['/srv/datasets/kind=m/currency=BTC/month=2025-01/part.parquet']);
  });
});

describe('sliceSql', () => {
  it('binds every value as a parameter cast to the column type, quoting only validated names', () => {
    const entry = { ...monthly, schema: [...monthly.schema, { name: 'd', type: 'DATE' }] };
    const { sql, params } = sliceSql(entry, ['/a.parquet'], {
      columns: ['x', 'currency'],
      where: [
        ['currency', { kind: 'in', values: ['BTC', "E'TH"] }],
        ['d', { kind: 'range', from: '2025-01-01', to: '2025-02-01' }],
        ['x', { kind: 'eq', value: 2.5 }],
      ],
      order: [{ column: 'd', descending: true }],
      limit: 10,
    });
    expect(sql).toBe(
      `SELECT "x", "currency" FROM read_parquet(['/a.parquet'], hive_partitioning = true, union_by_name = true) ` +
        `WHERE CAST("currency" AS VARCHAR) IN (CAST(? AS VARCHAR), CAST(? AS VARCHAR)) AND "d" >= CAST(? AS DATE) AND "d" <= CAST(? AS DATE) AND "x" = CAST(? AS DOUBLE) ` +
        `ORDER BY "d" DESC LIMIT 10`,
    );
    expect(params).toEqual(['BTC', "E'TH", '2025-01-01', '2025-02-01', '2.5']);
  });

  it('refuses to filter on a column whose type cannot be spelled safely', () => {
    const entry = { ...monthly, schema: [{ name: 'x', type: 'DOUBLE); DROP TABLE t; --' }] };
    expect(() => sliceSql(entry, ['/a'], query([['x', { kind: 'eq', value: 1 }]]))).toThrow('cannot filter on column x');
  });
});

describe('writeSlice and sliceKey', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture({ rows: 20 });
  });
  afterAll(() => fx.cleanup());

  it('writes the filtered rows and reports the count', async () => {
    const q = parseSliceQuery(fx.entry, { where: JSON.stringify({ volume: [0, 30, 60, 999] }), columns: 'currency,volume' });
    const files = partitionFiles(fx.config.datasetsDir, fx.entry.partitions);
    const target = join(fx.root, 'out.parquet');
    const expected = fixtureRows(20).filter((r) => [0, 30, 60].includes(r.volume));
    expect(await writeSlice(target, fx.entry, files, q)).toBe(expected.length);
    const { queryRows } = await import('../../../server/db/duckdb');
    expect(await queryRows('SELECT * FROM read_parquet(?)', [target])).toEqual(
      expected.map((r) => ({ currency: r.currency, volume: r.volume })),
    );
  });

  it('keys on the files and the normalized query', async () => {
    const files = partitionFiles(fx.config.datasetsDir, fx.entry.partitions);
    const a = parseSliceQuery(fx.entry, { where: '{"currency": "BTC", "symbol": ["b", "a"]}' });
    const b = parseSliceQuery(fx.entry, { where: '{"symbol": ["a", "b", "a"], "currency": "BTC"}' });
    expect(await sliceKey(files, a)).toBe(await sliceKey(files, b));
    const before = await sliceKey(files, a);
    await writeFile(files[0]!, 'changed');
    expect(await sliceKey(files, a)).not.toBe(before);
    await expect(sliceKey([join(fx.root, 'missing.parquet')], a)).rejects.toThrow('dataset file missing');
  });
});
