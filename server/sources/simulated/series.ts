/**
 * History endpoints of the simulated exchange: DVOL candles and OHLCV chart bars from the bundled hourly
 * history followed by the samples recorded live, and realized ("historical") volatility from hourly closes.
 */
import type { SimulatedMarket } from './market';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../../cells/time';

type Candle = [number, number, number, number, number];

/** Max candles per `get_volatility_index_data` page (older ones via `continuation`). */
export const DVOL_PAGE = 1000;
/** Max bars per `get_tradingview_chart_data` answer. */
export const CHART_MAX_BARS = 5000;

interface Point {
  t: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

function points(
  m: SimulatedMarket,
  currency: string,
  what: 'dvol' | 'price',
  start: number,
  end: number,
): Point[] {
  const out: Point[] = [];
  const h = m.feed.history(currency);
  let liveFrom = -Infinity;
  if (h) {
    for (let k = 0; k < h.t.length; k++) {
      const t = h.t[k]!;
      if (t < start - MS_PER_HOUR || t > end) continue;
      if (what === 'dvol') {
        const v = h.dvol[k]!;
        out.push({ t: t + MS_PER_HOUR, open: v, high: v, low: v, close: v, volume: 0 });
      } else
        out.push({
          t,
          open: h.open[k]!,
          high: h.high[k]!,
          low: h.low[k]!,
          close: h.close[k]!,
          volume: h.volume[k]!,
        });
    }
    liveFrom = h.t[h.t.length - 1]! + MS_PER_HOUR;
  }
  const live = m.samples(currency);
  const from = Math.max(liveFrom, start - MS_PER_HOUR);
  // Live data older than the per-second window survives as minute bars (see `history-window.ts`).
  for (const bar of live.minuteBars()) {
    if (bar.t < from || bar.t > end) continue;
    out.push({ t: bar.t, ...(what === 'dvol' ? bar.dvol : bar.index), volume: 0 });
  }
  for (const s of live.samples) {
    if (s.t < from || s.t > end) continue;
    const v = what === 'dvol' ? s.dvol : s.index;
    out.push({ t: s.t, open: v, high: v, low: v, close: v, volume: 0 });
  }
  return out;
}

function bucketize(
  pts: readonly Point[],
  ms: number,
  start: number,
  end: number,
): Map<number, Point> {
  const buckets = new Map<number, Point>();
  for (const p of pts) {
    const b = Math.floor(p.t / ms) * ms;
    if (b < start || b > end) continue;
    const x = buckets.get(b);
    if (!x) buckets.set(b, { ...p, t: b });
    else {
      x.high = Math.max(x.high, p.high);
      x.low = Math.min(x.low, p.low);
      x.close = p.close;
      x.volume += p.volume;
    }
  }
  return buckets;
}

/** `{data: [[t, o, h, l, c]…] ascending, continuation}`: the newest `DVOL_PAGE` candles in range. */
export function dvolCandles(
  m: SimulatedMarket,
  currency: string,
  start: number,
  end: number,
  seconds: number,
) {
  const buckets = [
    ...bucketize(points(m, currency, 'dvol', start, end), seconds * 1000, start, end).values(),
  ];
  buckets.sort((a, b) => a.t - b.t);
  const page = buckets.slice(-DVOL_PAGE);
  const data: Candle[] = page.map((p) => [p.t, p.open, p.high, p.low, p.close]);
  const continuation = buckets.length > page.length ? page[0]!.t - 1 : null;
  return { data, continuation };
}

/** TradingView-style columnar bars of the index (the perpetual's underlying), the first `CHART_MAX_BARS`. */
export function chartBars(
  m: SimulatedMarket,
  currency: string,
  start: number,
  end: number,
  minutes: number,
) {
  const ms = minutes * MS_PER_MINUTE;
  const pts = points(m, currency, 'price', start, end);
  const buckets = bucketize(pts, ms, start, end);
  for (const tr of m.trades(currency)) {
    if (!tr.instrument_name.endsWith('PERPETUAL') || tr.timestamp < start || tr.timestamp > end)
      continue;
    const b = buckets.get(Math.floor(tr.timestamp / ms) * ms);
    if (b) b.volume += tr.amount / tr.price;
  }
  const bars = [...buckets.values()].sort((a, b) => a.t - b.t).slice(0, CHART_MAX_BARS);
  return {
    status: bars.length > 0 ? 'ok' : 'no_data',
    ticks: bars.map((b) => b.t),
    open: bars.map((b) => b.open),
    high: bars.map((b) => b.high),
    low: bars.map((b) => b.low),
    close: bars.map((b) => b.close),
    volume: bars.map((b) => b.volume),
    cost: bars.map((b) => b.volume * b.close),
  };
}

/** Hourly annualized realized vol (percent) over the trailing 24 hours, for the last 15 days. */
export function historicalVolatility(m: SimulatedMarket, currency: string): [number, number][] {
  const end = m.time();
  const hourly = bucketize(
    points(m, currency, 'price', end - 17 * MS_PER_DAY, end),
    MS_PER_HOUR,
    -Infinity,
    Infinity,
  );
  const closes = [...hourly.values()].sort((a, b) => a.t - b.t);
  const out: [number, number][] = [];
  for (let i = 24; i < closes.length; i++) {
    let sum = 0;
    for (let j = i - 23; j <= i; j++) sum += Math.log(closes[j]!.close / closes[j - 1]!.close) ** 2;
    out.push([closes[i]!.t, 100 * Math.sqrt((sum / 24) * 24 * 365)]);
  }
  return out.slice(-15 * 24);
}
