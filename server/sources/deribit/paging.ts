/**
 * Paging through Deribit's history endpoints: DVOL candles follow `continuation` (the end of the next, older
 * page) until it is null; trades page forward in time while `has_more`, restarting at the last timestamp seen
 * and dropping the trades already returned (several trades can share a millisecond); chart bars are fetched
 * in windows of at most `maxBars` bars.
 */
import type { DeribitHttpClient } from './http-client';
import type { ChartData, Trade, VolatilityIndexPage } from './records';
import { MS_PER_MINUTE } from '../../../cells/time';

export interface Range {
  start: number;
  end: number;
}

function checkRange(r: Range): void {
  if (!(Number.isFinite(r.start) && Number.isFinite(r.end) && r.start <= r.end))
    throw new RangeError(`invalid range: ${r.start}..${r.end}`);
}

/**
 * All DVOL candles in [start, end], ascending, each timestamp once.
 *
 * @example
 * const candles = await volatilityIndexHistory(client, {currency: 'BTC', start, end, resolution: '3600'});
 */
export async function volatilityIndexHistory(
  client: DeribitHttpClient,
  p: Range & { currency: string; resolution: string | number; maxPages?: number },
): Promise<VolatilityIndexPage['data']> {
  checkRange(p);
  const byTime = new Map<number, VolatilityIndexPage['data'][number]>();
  let end = p.end;
  for (let page = 0; page < (p.maxPages ?? 10_000); page++) {
    const r = await client.getVolatilityIndexData({
      currency: p.currency,
      start_timestamp: p.start,
      end_timestamp: end,
      resolution: p.resolution,
    });
    for (const row of r.data) if (row[0] >= p.start && row[0] <= p.end) byTime.set(row[0], row);
    if (r.continuation === null || r.continuation >= end || r.continuation < p.start) break;
    end = r.continuation;
  }
  return [...byTime.values()].sort((a, b) => a[0] - b[0]);
}

/**
 * Every trade of `currency` (and `kind`) in [start, end], ascending by timestamp, each trade_id once.
 *
 * @example
 * const trades = await tradesByTime(client, {currency: 'BTC', kind: 'option', start, end});
 */
export async function tradesByTime(
  client: DeribitHttpClient,
  p: Range & { currency: string; kind?: string; count?: number },
): Promise<Trade[]> {
  checkRange(p);
  const seen = new Set<string>();
  const out: Trade[] = [];
  let start = p.start;
  for (;;) {
    const page = await client.getLastTradesByCurrencyAndTime({
      currency: p.currency,
      ...(p.kind ? { kind: p.kind } : {}),
      start_timestamp: start,
      end_timestamp: p.end,
      count: p.count ?? 1000,
      sorting: 'asc',
    });
    let last = start;
    for (const t of page.trades) {
      last = Math.max(last, t.timestamp);
      if (seen.has(t.trade_id)) continue;
      seen.add(t.trade_id);
      out.push(t);
    }
    if (!page.has_more || page.trades.length === 0) break;
    // A full page within one millisecond cannot advance by timestamp: step past it (Deribit caps count at 1000).
    start = last === start ? start + 1 : last;
  }
  return out.sort((a, b) => a.timestamp - b.timestamp || compareIds(a.trade_id, b.trade_id));
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

const RESOLUTION_MINUTES: Readonly<Record<string, number>> = {
  '1': 1,
  '3': 3,
  '5': 5,
  '10': 10,
  '15': 15,
  '30': 30,
  '60': 60,
  '120': 120,
  '180': 180,
  '360': 360,
  '720': 720,
  '1D': 1440,
};

/** Minutes per bar of a TradingView resolution (`'60'`, `'1D'`). */
export function resolutionMinutes(resolution: string | number): number {
  const m = RESOLUTION_MINUTES[String(resolution)];
  if (m === undefined) throw new RangeError(`invalid resolution: ${resolution}`);
  return m;
}

/**
 * OHLCV bars of one instrument over a long range, in windows of `maxBars` bars.
 *
 * @example
 * const bars = await chartHistory(client, {instrument_name: 'BTC-PERPETUAL', resolution: '1D', start: Date.UTC(2018, 0, 1), end: Date.now()});
 */
export async function chartHistory(
  client: DeribitHttpClient,
  p: Range & { instrument_name: string; resolution: string | number; maxBars?: number },
): Promise<ChartData> {
  checkRange(p);
  const step = resolutionMinutes(p.resolution) * MS_PER_MINUTE * (p.maxBars ?? 5000);
  const parts: ChartData[] = [];
  for (let from = p.start; from <= p.end; from += step) {
    const to = Math.min(p.end, from + step - 1);
    const bars = await client.getTradingviewChartData({
      instrument_name: p.instrument_name,
      start_timestamp: from,
      end_timestamp: to,
      resolution: p.resolution,
    });
    if (bars.status === 'ok') parts.push(bars);
  }
  return concatChart(parts);
}

function concatChart(parts: ChartData[]): ChartData {
  const keys = ['ticks', 'open', 'high', 'low', 'close', 'volume', 'cost'] as const;
  const seen = new Set<number>();
  const rows: [ChartData, number][] = [];
  for (const part of parts)
    for (let i = 0; i < part.ticks.length; i++)
      if (!seen.has(part.ticks[i]!)) {
        seen.add(part.ticks[i]!);
        rows.push([part, i]);
      }
  rows.sort((a, b) => a[0].ticks[a[1]]! - b[0].ticks[b[1]]!);
  const out = { status: rows.length > 0 ? 'ok' : 'no_data' } as ChartData;
  for (const k of keys) out[k] = Float64Array.from(rows, ([part, i]) => part[k][i]!);
  return out;
}
