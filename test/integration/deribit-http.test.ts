/**
 * The real Deribit HTTP client against the simulated exchange on loopback: every public method, paging
 * (trades, DVOL, chart bars) compared with the exchange's own log, and each fault (429 bursts, malformed
 * bodies, slow replies) handled as documented.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDeribitHttpClient,
  type DeribitHttpClient,
} from '../../server/sources/deribit/http-client';
import {
  chartHistory,
  tradesByTime,
  volatilityIndexHistory,
} from '../../server/sources/deribit/paging';
import { DeribitError, DeribitTransportError } from '../../server/sources/deribit/rpc';
import { startTestExchange, type TestExchange } from '../server/sources/exchange-fixture';

let ex: TestExchange;
let client: DeribitHttpClient;
const fast = { retries: 3, baseMs: 1, maxMs: 5, random: () => 0 };

beforeAll(async () => {
  ex = await startTestExchange({ tradeRate: 20 });
  ex.run(30_000);
  client = createDeribitHttpClient({ baseUrl: ex.url, backoff: fast, limiter: null });
});
afterAll(() => ex.close());

describe('Deribit HTTP client on the simulated exchange', () => {
  it('lists instruments whose names parse and whose fields are typed', async () => {
    const all = await client.getInstruments({ currency: 'BTC' });
    const options = await client.getInstruments({ currency: 'BTC', kind: 'option' });
    expect(all.length).toBeGreaterThan(options.length);
    expect(all[0]).toMatchObject({
      instrument_name: 'BTC-PERPETUAL',
      kind: 'future',
      strike: null,
    });
    const o = options[0]!;
    expect(o.kind).toBe('option');
    expect(new Date(o.expiration_timestamp).getUTCHours()).toBe(8);
    expect(o.instrument_name).toContain(`-${o.strike}-`);
  });

  it('returns a ticker in Deribit units: IVs in percent, prices in coin', async () => {
    const name = ex.market.feed
      .options('BTC')
      .find((q) => Math.abs(q.delta - 0.5) < 0.1)!.instrument_name;
    const t = await client.ticker({ instrument_name: name });
    const q = ex.market.quote(name)!.q;
    expect(t.mark_iv).toBeCloseTo((q as { mark_iv: number }).mark_iv, 10);
    expect(t.mark_iv!).toBeGreaterThan(10);
    expect(t.mark_price!).toBeLessThan(1);
    expect(t.greeks?.delta).toBeCloseTo(0.5, 0);
  });

  it('answers get_index_price, get_order_book and get_book_summary_by_currency', async () => {
    const index = await client.getIndexPrice({ index_name: 'btc_usd' });
    expect(index.index_price).toBe(ex.market.feed.indexPrice('BTC'));
    const book = await client.getOrderBook({ instrument_name: 'BTC-PERPETUAL', depth: 3 });
    expect(book.bids).toHaveLength(3);
    expect(book.bids[0]![0]).toBeLessThan(book.asks[0]![0]);
    const summary = await client.getBookSummaryByCurrency({ currency: 'ETH', kind: 'future' });
    expect(summary.every((s) => s.instrument_name.startsWith('ETH-'))).toBe(true);
  });

  it('pages trades by time with no trade lost or duplicated', async () => {
    const start = ex.clock.t - 30_000;
    const trades = await tradesByTime(client, {
      currency: 'BTC',
      start,
      end: ex.clock.t,
      count: 37,
    });
    const truth = ex.market
      .trades('BTC')
      .filter((t) => t.timestamp >= start && t.timestamp <= ex.clock.t);
    expect(truth.length).toBeGreaterThan(300);
    expect(trades.map((t) => t.trade_id)).toEqual(truth.map((t) => t.trade_id));
  });

  it('pages DVOL candles through `continuation`', async () => {
    const end = ex.clock.t;
    const start = end - 44 * 86_400_000;
    const page = await client.getVolatilityIndexData({
      currency: 'BTC',
      start_timestamp: start,
      end_timestamp: end,
      resolution: '3600',
    });
    expect(page.data).toHaveLength(1000);
    expect(page.continuation).toBe(page.data[0]![0] - 1);
    const hours = await volatilityIndexHistory(client, {
      currency: 'BTC',
      start,
      end,
      resolution: '3600',
    });
    // 44 days of hourly history (the first bucket starts 30 s before `start`) plus the live hour.
    expect(hours.length).toBe(44 * 24);
    expect(hours.map((r) => r[0])).toEqual(
      hours.map((_, i) => start - 30_000 + 3_600_000 * (i + 1)),
    );
  });

  it('pages chart bars in windows and returns `no_data` before the history', async () => {
    const end = ex.clock.t;
    const bars = await chartHistory(client, {
      instrument_name: 'BTC-PERPETUAL',
      resolution: '60',
      start: end - 10 * 86_400_000,
      end,
      maxBars: 50,
    });
    // 239 whole history hours after `start` (30 s past an hour) plus the live hour.
    expect(bars.ticks.length).toBe(10 * 24);
    expect(bars.ticks[1]! - bars.ticks[0]!).toBe(3_600_000);
    const none = await client.getTradingviewChartData({
      instrument_name: 'BTC-PERPETUAL',
      resolution: '1D',
      start_timestamp: Date.UTC(2018, 0, 1),
      end_timestamp: Date.UTC(2018, 1, 1),
    });
    expect(none.status).toBe('no_data');
  });

  it('answers get_historical_volatility and get_delivery_prices', async () => {
    const hv = await client.getHistoricalVolatility({ currency: 'BTC' });
    expect(hv.length).toBeGreaterThan(100);
    expect(hv[0]![1]).toBeGreaterThan(5);
    const d = await client.getDeliveryPrices({ index_name: 'btc_usd', count: 3 });
    expect(d.data).toHaveLength(3);
    expect(d.records_total).toBe(45);
  });

  it('retries a 429 burst and succeeds', async () => {
    ex.faults.rateLimit(2);
    const r = await client.getIndexPrice({ index_name: 'eth_usd' });
    expect(r.index_price).toBeGreaterThan(0);
  });

  it('gives up on a burst longer than its retries with too_many_requests', async () => {
    ex.faults.rateLimit(10);
    await expect(client.getIndexPrice({ index_name: 'eth_usd' })).rejects.toMatchObject({
      code: 10028,
      httpStatus: 429,
    });
    ex.faults.reset();
  });

  it('does not retry an invalid-params error', async () => {
    ex.faults.rateLimit(0);
    const err = await client.ticker({ instrument_name: 'BTC-1JAN20-1-C' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeribitError);
    expect((err as DeribitError).code).toBe(-32602);
  });

  it('turns a malformed body into a transport error and a slow reply into a timeout', async () => {
    ex.faults.malformed(1);
    await expect(client.getIndexPrice({ index_name: 'btc_usd' })).rejects.toBeInstanceOf(
      DeribitTransportError,
    );
    const impatient = createDeribitHttpClient({
      baseUrl: ex.url,
      limiter: null,
      timeoutMs: 50,
      backoff: fast,
    });
    ex.faults.slow(1, 300);
    await expect(impatient.getIndexPrice({ index_name: 'btc_usd' })).rejects.toMatchObject({
      timeout: true,
    });
  });

  it('validates count ≤ 1000 before asking', async () => {
    await expect(
      client.getLastTradesByCurrencyAndTime({
        currency: 'BTC',
        start_timestamp: 0,
        end_timestamp: 1,
        count: 1001,
      }),
    ).rejects.toThrow('invalid count: 1001');
  });
});
