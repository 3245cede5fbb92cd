/**
 * OHLCV bars from a simulated path. Within each hour the high and low are drawn from the exact law of the
 * extremes of a Brownian bridge between the hour's open and close (the path is diffusive between steps), so
 * open, high, low and close are consistent; daily bars aggregate the hourly ones exactly.
 */
import type { Rng } from '../../cells/random';
import { COINS } from './coins';
import type { SimulatedHistory } from './history';
import { volumeSeasonality } from './seasonality';

export interface Bars {
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

function allocBars(n: number): Bars {
  return {
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
}

/**
 * Hourly bars of coin `coin` for every hour of the history; volume in USD.
 *
 * @example
 * const bars = hourlyBars(history, 0, createRng(1));
 */
export function hourlyBars(h: SimulatedHistory, coin: number, rng: Rng): Bars {
  const spec = COINS[coin];
  if (!spec) throw new RangeError(`invalid coin: ${coin}`);
  const r = h.logReturns[coin]!;
  const v = h.stepVariances[coin]!;
  const out = allocBars(h.hours);
  let meanVar = 0;
  let endLog = h.startLogPrices[coin]!;
  for (let k = 0; k < h.hours; k++) {
    meanVar += v[k]!;
    endLog += r[k]!;
  }
  meanVar /= h.hours;
  let a = h.startLogPrices[coin]!;
  const startHour = Math.round(h.start / 3600) % 24;
  for (let k = 0; k < h.hours; k++) {
    const b = a + r[k]!;
    const d2 = (b - a) * (b - a);
    const up = 0.5 * (a + b + Math.sqrt(d2 - 2 * v[k]! * Math.log(1 - rng.next())));
    const down = 0.5 * (a + b - Math.sqrt(d2 - 2 * v[k]! * Math.log(1 - rng.next())));
    out.open[k] = Math.exp(a);
    out.close[k] = Math.exp(b);
    out.high[k] = Math.max(Math.exp(up), out.open[k]!, out.close[k]!);
    out.low[k] = Math.min(Math.exp(down), out.open[k]!, out.close[k]!);
    const logVolume =
      Math.log(spec.volumeUsd / 24) +
      0.8 * (b - endLog) +
      0.5 * Math.log(v[k]! / meanVar) +
      (0.25 * Math.abs(r[k]!)) / Math.sqrt(v[k]!) +
      0.3 * rng.normal() -
      0.3;
    out.volume[k] = Math.exp(logVolume) * volumeSeasonality((startHour + k) % 24);
    a = b;
  }
  return out;
}

/**
 * Daily bars from hourly ones (`hourly` must start at 00:00 UTC): first open, max high, min low, last close,
 * summed volume.
 */
export function dailyFromHourly(hourly: Bars): Bars {
  const days = Math.floor(hourly.open.length / 24);
  const out = allocBars(days);
  for (let d = 0; d < days; d++) {
    const k0 = d * 24;
    let hi = -Infinity;
    let lo = Infinity;
    let vol = 0;
    for (let k = k0; k < k0 + 24; k++) {
      if (hourly.high[k]! > hi) hi = hourly.high[k]!;
      if (hourly.low[k]! < lo) lo = hourly.low[k]!;
      vol += hourly.volume[k]!;
    }
    out.open[d] = hourly.open[k0]!;
    out.high[d] = hi;
    out.low[d] = lo;
    out.close[d] = hourly.close[k0 + 23]!;
    out.volume[d] = vol;
  }
  return out;
}
