/**
 * Snapshots with the real clients against the simulated exchange on loopback (fake clock): trades on disk equal
 * the exchange's trade log, with no duplicate after re-runs over overlapping windows; DVOL and chart backfills
 * page through the whole history (more than one DVOL page); the catalog describes what was written.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { parseCatalog } from '../../server/datasets/catalog-reader';
import { queryRows, quoteLiteral } from '../../server/db/duckdb';
import { runSnapshot } from '../../server/snapshots/run';
import { createDeribitHttpClient } from '../../server/sources/deribit/http-client';
import { createPolymarketClient } from '../../server/sources/polymarket/client';
import { DVOL_PAGE } from '../../server/sources/simulated/series';
import {
  HISTORY_END,
  startTestExchange,
  type TestExchange,
} from '../server/sources/exchange-fixture';
import { MS_PER_DAY, MS_PER_HOUR } from '../../cells/time';

let ex: TestExchange;
let dir: string;

beforeAll(async () => {
  ex = await startTestExchange({ tradeRate: 20 });
  dir = await mkdtemp(join(tmpdir(), 'vollab-snapshot-'));
});
afterAll(async () => {
  await ex?.close();
  await rm(dir, { recursive: true, force: true });
});

const options = () => ({
  datasetsDir: dir,
  source: 'simulated' as const,
  deribit: createDeribitHttpClient({ baseUrl: ex.url, limiter: null }),
  polymarket: createPolymarketClient({
    gammaUrl: `${ex.url}/polymarket/gamma`,
    clobUrl: `${ex.url}/polymarket/clob`,
  }),
  currencies: ['BTC', 'ETH'],
  now: () => ex.clock.t,
});
const ids = async (currency: string) =>
  (
    await queryRows(
      `SELECT trade_id FROM read_parquet(${quoteLiteral(join(dir, `source=simulated/kind=trades/currency=${currency}/*/*.parquet`))}) ORDER BY "timestamp", trade_id`,
    )
  ).map((r) => String(r.trade_id));

describe('snapshots against the simulated exchange', () => {
  it('writes every trade once across re-runs and overlapping windows', async () => {
    ex.run(60_000, 100); // a minute of trading: ~1,200 trades per currency, several 1,000-trade pages
    const first = await runSnapshot({ ...options(), kinds: ['trades'], since: HISTORY_END });
    expect(first.every((r) => r.added === r.fetched)).toBe(true);
    ex.run(30_000, 100);
    await runSnapshot({ ...options(), kinds: ['trades'] }); // continues after the newest row on disk
    await runSnapshot({ ...options(), kinds: ['trades'], since: HISTORY_END }); // the whole window again
    for (const currency of ['BTC', 'ETH']) {
      const expected = ex.market.trades(currency).map((t) => t.trade_id);
      expect(expected.length).toBeGreaterThan(1500);
      const got = await ids(currency);
      expect(new Set(got).size).toBe(got.length);
      expect([...got].sort()).toEqual([...expected].sort());
    }
    const catalog = parseCatalog(await readFile(join(dir, 'catalog.json'), 'utf8'));
    const trades = catalog.datasets.find((d) => d.name === 'trades')!;
    expect(trades).toMatchObject({
      source: 'simulated',
      simulated: true,
      path: 'source=simulated/kind=trades',
      partitionKeys: ['currency', 'date'],
      rows: ex.market.trades('BTC').length + ex.market.trades('ETH').length,
      timeColumn: 'timestamp',
    });
    expect(trades.schema.slice(0, 3)).toEqual([
      { name: 'timestamp', type: 'TIMESTAMP' },
      { name: 'trade_id', type: 'VARCHAR' },
      { name: 'trade_seq', type: 'BIGINT' },
    ]);
    const all = [...ex.market.trades('BTC'), ...ex.market.trades('ETH')].map((t) => t.timestamp);
    expect(Date.parse(trades.timeRange!.start)).toBe(Math.min(...all));
    expect(Date.parse(trades.timeRange!.end)).toBe(Math.max(...all));
  });

  it('backfills hourly DVOL and perpetual bars through every page of the history', async () => {
    const since = HISTORY_END - 45 * MS_PER_DAY;
    const results = await runSnapshot({
      ...options(),
      kinds: ['dvol', 'ohlcv'],
      currencies: ['BTC'],
      since,
    });
    const dvol = results.find((r) => r.kind === 'dvol')!;
    // DVOL candles are stamped at each hour's end: (since, HISTORY_END] holds 45 × 24, over two pages.
    expect(dvol.fetched).toBeGreaterThan(DVOL_PAGE);
    expect(dvol.fetched).toBe(45 * 24);
    // Bars are stamped at the hour's open: 45 × 24 from the history, plus the hour trading since HISTORY_END.
    const ohlcv = results.find((r) => r.kind === 'ohlcv')!;
    expect(ohlcv.fetched).toBe(45 * 24 + 1);
    const [row] = await queryRows(
      `SELECT count(*) AS n, count(DISTINCT "timestamp") AS d, min("timestamp") AS lo FROM read_parquet(${quoteLiteral(join(dir, 'source=simulated/kind=dvol_1h/currency=BTC/*/*.parquet'))})`,
    );
    expect(Number(row!.n)).toBe(dvol.fetched);
    expect(Number(row!.d)).toBe(dvol.fetched);
    expect((row!.lo as Date).getTime()).toBe(since + MS_PER_HOUR);
    const again = await runSnapshot({
      ...options(),
      kinds: ['dvol', 'ohlcv'],
      currencies: ['BTC'],
      since,
    });
    expect(again.map((r) => r.added)).toEqual([0, 0]);
  });

  it('snapshots the option chain and Polymarket prices with their natural keys', async () => {
    const results = await runSnapshot({
      ...options(),
      kinds: ['chain', 'polymarket'],
      currencies: ['BTC'],
    });
    const chain = results.find((r) => r.kind === 'chain')!;
    expect(chain.fetched).toBe(ex.market.feed.options('BTC').length);
    expect(chain.added).toBe(chain.fetched);
    // Nine simulated markets name Bitcoin (five "above" at month end, between, reach, far-dated, ETF), two
    // tokens each, three history points per token.
    expect(results.find((r) => r.kind === 'polymarket')!.fetched).toBe(9 * 2 * 3);
    const [row] = await queryRows(
      `SELECT count(*) AS n, min(mark_iv) > 1 AS percent FROM read_parquet(${quoteLiteral(join(dir, 'source=simulated/kind=chain_snapshots/*/*/*.parquet'))})`,
    );
    expect(Number(row!.n)).toBe(chain.fetched);
    expect(row!.percent).toBe(true);
  });
});
