/**
 * `dvol_daily` (whole history) and `dvol_hourly` (recent window) for BTC and ETH: the model's 30-day ATM
 * implied vol at the end of every hour, as OHLC bars in vol points (hourly bars aggregate to the daily ones).
 */
import { join } from 'node:path';
import { createRng } from '../../../cells/random';
import { dailyFromHourly, type Bars } from '../../simulator/bars';
import { dvolIndex } from '../../simulator/implied';
import { volSnapshotAt } from '../../simulator/snapshot';
import { writeParquet } from '../parquet-writer';
import { datasetPath, DAY_MS, HOUR_MS, SYMBOL_LIST, tsFromMs, type TableContext } from './context';

const DVOL_COINS = [0, 1];

/** Hourly DVOL bars of `coin`: open at the previous hour's value, close at this hour's, small wicks. */
export function dvolHourlyBars(ctx: TableContext, coin: number): Bars {
  const { history } = ctx;
  const n = history.hours;
  const rng = createRng(ctx.seed * 31 + 5000 + coin);
  const bars: Bars = {
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  let prev = dvolIndex(volSnapshotAt(history, 0, coin), coin);
  for (let k = 0; k < n; k++) {
    const value = dvolIndex(volSnapshotAt(history, k, coin), coin);
    bars.open[k] = prev;
    bars.close[k] = value;
    bars.high[k] = Math.max(prev, value) * (1 + 0.004 * Math.abs(rng.normal()));
    bars.low[k] = Math.min(prev, value) * (1 - 0.004 * Math.abs(rng.normal()));
    prev = value;
  }
  return bars;
}

export async function writeDvol(ctx: TableContext): Promise<void> {
  const startMs = ctx.history.start * 1000;
  const recentHour = Math.round((ctx.recentStart - startMs) / HOUR_MS);
  const hourly = DVOL_COINS.map((c) => dvolHourlyBars(ctx, c));
  const daily = hourly.map(dailyFromHourly);
  const select = (time: string) =>
    `${time}, ${SYMBOL_LIST}[CAST(coin AS INTEGER) + 1] AS currency, open, high, low, close`;
  await writeParquet({
    columns: stage(daily, 0, startMs, DAY_MS),
    select: select(`CAST(${tsFromMs('t')} AS DATE) AS date`),
    target: join(ctx.root, datasetPath('dvol_daily')),
    partitionBy: ['currency'],
  });
  await writeParquet({
    columns: stage(hourly, recentHour, startMs, HOUR_MS),
    select: select(`${tsFromMs('t')} AS ts`),
    target: join(ctx.root, datasetPath('dvol_hourly')),
    partitionBy: ['currency'],
  });
}

function stage(series: Bars[], from: number, startMs: number, stepMs: number): Record<string, Float64Array> {
  const per = series[0]!.open.length - from;
  const total = per * series.length;
  const cols = {
    t: new Float64Array(total),
    coin: new Float64Array(total),
    open: new Float64Array(total),
    high: new Float64Array(total),
    low: new Float64Array(total),
    close: new Float64Array(total),
  };
  series.forEach((bars, j) => {
    for (let k = from; k < bars.open.length; k++) {
      const at = j * per + (k - from);
      cols.t[at] = startMs + k * stepMs;
      cols.coin[at] = DVOL_COINS[j]!;
      cols.open[at] = bars.open[k]!;
      cols.high[at] = bars.high[k]!;
      cols.low[at] = bars.low[k]!;
      cols.close[at] = bars.close[k]!;
    }
  });
  return cols;
}
