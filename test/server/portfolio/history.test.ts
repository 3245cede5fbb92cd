/**
 * The daily history behind historical VaR, read from the bundled datasets: returns from the last hourly close
 * of each day, and each day's DVOL change, checked against the daily DVOL read independently.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBundledDatasets } from '../../../server/datasets/generate';
import { queryRows, quoteLiteral } from '../../../server/db/duckdb';
import { datasetReturns } from '../../../server/portfolio/history';

const datasetsDir =
  process.env.VOLLAB_DATA_DIR ?? resolve(import.meta.dirname, '../../../datasets');
beforeAll(() => ensureBundledDatasets(datasetsDir), 600_000);

describe('the stored daily history for VaR', () => {
  it('pairs each day of returns with that day’s DVOL change', async () => {
    const h = (await datasetReturns(datasetsDir)())!;
    expect(h.days.length).toBeGreaterThan(300);
    expect(h.volChanges).toBeDefined();
    const glob = resolve(datasetsDir, 'source=simulated/kind=dvol_daily/currency=BTC/*.parquet');
    const dvol = await queryRows(
      `SELECT strftime(CAST(date AS DATE), '%Y-%m-%d') AS day, close FROM read_parquet(${quoteLiteral(glob)})`,
    );
    const level = new Map(dvol.map((r) => [String(r.day), Number(r.close)]));
    for (const i of [1, 100, h.days.length - 1]) {
      const want = (level.get(h.days[i]!)! - level.get(h.days[i - 1]!)!) / 100;
      expect(h.volChanges!.BTC[i]).toBeCloseTo(want, 12);
    }
    expect(h.volChanges!.ETH.every(Number.isFinite)).toBe(true);
  }, 60_000);
});
