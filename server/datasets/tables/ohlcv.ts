/**
 * `ohlcv_daily` (every coin from its listing day) and `ohlcv_hourly` (BTC and ETH over the recent window),
 * both from the same hourly bars, so hourly aggregated to daily equals the daily rows.
 */
import { join } from 'node:path';
import { createRng } from '../../../cells/random';
import { dailyFromHourly, hourlyBars, type Bars } from '../../simulator/bars';
import { COINS } from '../../simulator/coins';
import { writeParquet } from '../parquet-writer';
import { datasetPath, DAY_MS, HOUR_MS, SYMBOL_LIST, tsFromMs, type TableContext } from './context';

const HOURLY_COINS = [0, 1];

interface Rows {
  time: number[];
  coin: number[];
  bars: Bars[];
  ranges: [number, number][];
}

export async function writeOhlcv(ctx: TableContext): Promise<void> {
  const { history } = ctx;
  const startMs = history.start * 1000;
  const daily: Rows = { time: [], coin: [], bars: [], ranges: [] };
  const hourly: Rows = { time: [], coin: [], bars: [], ranges: [] };
  COINS.forEach((coin, i) => {
    const hours = hourlyBars(history, i, createRng(ctx.seed * 31 + 1000 + i));
    const days = dailyFromHourly(hours);
    const firstDay = Math.max(0, Math.round((Date.parse(`${coin.listed}T00:00:00Z`) - startMs) / DAY_MS));
    daily.bars.push(days);
    daily.ranges.push([firstDay, days.open.length]);
    daily.coin.push(i);
    daily.time.push(startMs);
    if (HOURLY_COINS.includes(i)) {
      hourly.bars.push(hours);
      hourly.ranges.push([Math.round((ctx.recentStart - startMs) / HOUR_MS), history.hours]);
      hourly.coin.push(i);
      hourly.time.push(startMs);
    }
  });
  const base = join(ctx.root, datasetPath('ohlcv_daily'));
  await writeParquet({
    columns: flatten(daily, DAY_MS),
    select: `CAST(${tsFromMs('t')} AS DATE) AS date, ${SYMBOL_LIST}[CAST(coin AS INTEGER) + 1] AS symbol, open, high, low, close, volume, ${SYMBOL_LIST}[CAST(coin AS INTEGER) + 1] AS currency`,
    target: base,
    partitionBy: ['currency'],
    writePartitionColumns: false,
  });
  await writeParquet({
    columns: flatten(hourly, HOUR_MS),
    select: `${tsFromMs('t')} AS ts, ${SYMBOL_LIST}[CAST(coin AS INTEGER) + 1] AS symbol, open, high, low, close, volume, ${SYMBOL_LIST}[CAST(coin AS INTEGER) + 1] AS currency`,
    target: join(ctx.root, datasetPath('ohlcv_hourly')),
    partitionBy: ['currency'],
    writePartitionColumns: false,
  });
}

/** Staging columns for the selected ranges of each coin's bars. */
function flatten(rows: Rows, stepMs: number): Record<string, Float64Array> {
  const total = rows.ranges.reduce((n, [a, b]) => n + (b - a), 0);
  const cols = {
    t: new Float64Array(total),
    coin: new Float64Array(total),
    open: new Float64Array(total),
    high: new Float64Array(total),
    low: new Float64Array(total),
    close: new Float64Array(total),
    volume: new Float64Array(total),
  };
  let at = 0;
  rows.bars.forEach((bars, j) => {
    const [a, b] = rows.ranges[j]!;
    for (let k = a; k < b; k++, at++) {
      cols.t[at] = rows.time[j]! + k * stepMs;
      cols.coin[at] = rows.coin[j]!;
      cols.open[at] = bars.open[k]!;
      cols.high[at] = bars.high[k]!;
      cols.low[at] = bars.low[k]!;
      cols.close[at] = bars.close[k]!;
      cols.volume[at] = bars.volume[k]!;
    }
  });
  return cols;
}
