/**
 * A reduced bundled generation (2025-11 … 2025-12, hourly tables and chains from 2025-12-20) through the same code path as the
 * full one, checked with native DuckDB on the written Parquet files.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { black76Price } from '../../../cells/options';
import type { DatasetCatalog } from '../../../server/contract/catalog';
import { ensureBundledDatasets, generateBundledDatasets, GENERATOR_VERSION } from '../../../server/datasets/generate';
import { queryRows, quoteLiteral } from '../../../server/db/duckdb';
import { formatInstrument } from '../../../cells/options/instruments';
import { MS_PER_YEAR } from '../../../cells/time';

const RANGE = { start: Date.UTC(2025, 10, 1), end: Date.UTC(2026, 0, 1), recentStart: Date.UTC(2025, 11, 20) };
let dir: string;
let catalog: DatasetCatalog;
const files = (name: string) =>
  `read_parquet(${quoteLiteral(join(dir, `source=simulated/kind=${name}/**/*.parquet`))}, hive_partitioning = true)`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vollab-datasets-'));
  catalog = await generateBundledDatasets({ datasetsDir: dir, seed: 7, ...RANGE });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('generateBundledDatasets', () => {
  it('writes every dataset as hive-partitioned Parquet and a catalog whose counts match the files', async () => {
    const names = catalog.datasets.map((d) => d.name);
    expect(names).toEqual([
      'dvol_daily', 'dvol_hourly', 'jump_events', 'ohlcv_daily', 'ohlcv_hourly', 'option_chain', 'regime_labels',
    ]); // prettier-ignore
    const onDisk: DatasetCatalog = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8'));
    expect(onDisk.datasets.map((d) => d.rows)).toEqual(catalog.datasets.map((d) => d.rows));
    for (const entry of catalog.datasets) {
      expect(entry.simulated).toBe(true);
      for (const p of entry.partitions) {
        const [row] = await queryRows(`SELECT count(*) AS n FROM read_parquet(?)`, [join(dir, p.path)]);
        expect(Number(row!.n), p.path).toBe(p.rows);
        expect(p.path.endsWith('/part-0.parquet')).toBe(true);
      }
      expect(entry.rows).toBe(entry.partitions.reduce((n, p) => n + p.rows, 0));
    }
    const chain = catalog.datasets.find((d) => d.name === 'option_chain')!;
    expect(chain.partitionKeys).toEqual(['currency', 'month']);
    expect(chain.partitions[0]!.path).toBe('source=simulated/kind=option_chain/currency=BTC/month=2025-12/part-0.parquet');
    expect(chain.timeRange).toEqual({ start: '2025-12-20T08:00:00Z', end: '2025-12-31T08:00:00Z' });
    const daily = catalog.datasets.find((d) => d.name === 'ohlcv_daily')!;
    expect(daily.partitions.length).toBeGreaterThanOrEqual(20);
    expect(daily.schema.slice(0, 7)).toEqual([
      { name: 'date', type: 'DATE' }, { name: 'symbol', type: 'VARCHAR' }, { name: 'open', type: 'DOUBLE' },
      { name: 'high', type: 'DOUBLE' }, { name: 'low', type: 'DOUBLE' }, { name: 'close', type: 'DOUBLE' },
      { name: 'volume', type: 'DOUBLE' },
    ]); // prettier-ignore
  });

  it('makes hourly bars aggregate exactly to the daily rows', async () => {
    const rows = await queryRows(`
      WITH h AS (SELECT CAST(ts AS DATE) AS date, symbol, first(open ORDER BY ts) AS open, max(high) AS high,
                        min(low) AS low, last(close ORDER BY ts) AS close, sum(volume) AS volume
                 FROM ${files('ohlcv_hourly')} GROUP BY ALL)
      SELECT count(*) AS n,
             count(*) FILTER (WHERE h.open = d.open AND h.high = d.high AND h.low = d.low AND h.close = d.close
                              AND abs(h.volume / d.volume - 1) < 1e-9) AS equal
      FROM h JOIN ${files('ohlcv_daily')} d USING (date, symbol)`);
    expect(Number(rows[0]!.n)).toBe(2 * 12);
    expect(rows[0]!.equal).toBe(rows[0]!.n);
  });

  it('writes a chain with Deribit names, 08:00 UTC expiries, Black-76 marks and ordered quotes', async () => {
    const rows = await queryRows(
      `SELECT * FROM ${files('option_chain')} USING SAMPLE 400 ROWS (reservoir, 5) ORDER BY instrument_name`,
    );
    expect(rows.length).toBe(400);
    for (const r of rows) {
      const expiry = r.expiry as Date;
      const ts = r.timestamp as Date;
      const F = r.underlying_price as number;
      const type = r.option_type as 'call' | 'put';
      expect(r.instrument_name).toBe(
        formatInstrument({
          kind: 'option',
          base: r.currency as string,
          quote: null,
          expiryMs: expiry.getTime(),
          strike: r.strike as number,
          optionType: type,
        }),
      );
      expect(r.instrument_name).toMatch(/^(BTC|ETH)-[1-9]\d?[A-Z]{3}\d{2}-\d+-[CP]$/);
      expect(expiry.getUTCHours()).toBe(8);
      expect(ts.getUTCHours()).toBe(8);
      const T = (expiry.getTime() - ts.getTime()) / MS_PER_YEAR;
      expect(r.mark_price).toBeCloseTo(black76Price(F, r.strike as number, T, (r.mark_iv as number) / 100, type) / F, 12);
      expect(r.bid_iv as number).toBeLessThan(r.mark_iv as number);
      expect(r.mark_iv as number).toBeLessThan(r.ask_iv as number);
    }
  });

  it('keeps rows in time order inside the files', async () => {
    const [row] = await queryRows(
      `SELECT count(*) FILTER (WHERE date < lag_date) AS backwards FROM
         (SELECT date, lag(date) OVER () AS lag_date FROM read_parquet(?))`,
      [join(dir, 'source=simulated/kind=ohlcv_daily/currency=BTC/part-0.parquet')],
    );
    expect(Number(row!.backwards)).toBe(0);
  });

  it('records jumps with their type, not shadowed by the hive keys', async () => {
    const jumps = catalog.datasets.find((d) => d.name === 'jump_events')!;
    expect(jumps.schema.map((c) => c.name)).toEqual(['ts', 'date', 'symbol', 'return', 'jump_type']);
    const rows = await queryRows(`SELECT DISTINCT jump_type FROM ${files('jump_events')}`);
    for (const r of rows) expect(['market', 'idiosyncratic']).toContain(r.jump_type);
  });

  it('labels the hidden regimes per day', async () => {
    const rows = await queryRows(`SELECT DISTINCT regime, label FROM ${files('regime_labels')} ORDER BY regime`);
    for (const r of rows) expect(r.label).toBe(['calm', 'turbulent', 'crash'][r.regime as number]);
    const [n] = await queryRows(`SELECT count(*) AS n FROM ${files('regime_labels')}`);
    expect(Number(n!.n)).toBe(61);
  });
});

describe('determinism and ensureBundledDatasets', () => {
  const fingerprint = async (d: string) =>
    queryRows(
      `SELECT md5(string_agg(close::VARCHAR || volume::VARCHAR, ',' ORDER BY symbol, date)) AS h
       FROM read_parquet(${quoteLiteral(join(d, 'source=simulated/kind=ohlcv_daily/**/*.parquet'))})
       UNION ALL
       SELECT md5(string_agg(mark_iv::VARCHAR || open_interest::VARCHAR, ',' ORDER BY instrument_name, "timestamp"))
       FROM read_parquet(${quoteLiteral(join(d, 'source=simulated/kind=option_chain/**/*.parquet'))})`,
    );

  it('gives identical values for a seed and different ones for another seed', async () => {
    const other = await mkdtemp(join(tmpdir(), 'vollab-datasets-'));
    try {
      await generateBundledDatasets({ datasetsDir: other, seed: 7, ...RANGE });
      expect(await fingerprint(other)).toEqual(await fingerprint(dir));
      await generateBundledDatasets({ datasetsDir: other, seed: 8, ...RANGE });
      expect(await fingerprint(other)).not.toEqual(await fingerprint(dir));
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('skips generation when the stamp matches and regenerates when it does not', async () => {
    expect(await ensureBundledDatasets(dir, { seed: 7, ...RANGE })).toEqual({ generated: false });
    const stampFile = join(dir, 'source=simulated', 'stamp.json');
    const stamp = JSON.parse(await readFile(stampFile, 'utf8'));
    expect(stamp).toEqual({ generatorVersion: GENERATOR_VERSION, seed: 7, start: RANGE.start, end: RANGE.end, recentStart: RANGE.recentStart });
    await writeFile(stampFile, JSON.stringify({ ...stamp, generatorVersion: 0 }));
    expect(await ensureBundledDatasets(dir, { seed: 7, ...RANGE })).toEqual({ generated: true });
    expect(JSON.parse(await readFile(stampFile, 'utf8'))).toEqual(stamp);
    await rm(join(dir, 'catalog.json'));
    expect(await ensureBundledDatasets(dir, { seed: 7, ...RANGE })).toEqual({ generated: true });
  });
});
