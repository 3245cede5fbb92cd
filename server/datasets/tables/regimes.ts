/**
 * `regime_labels` (the hidden regime of each day: the most severe one the chain visited that day) and
 * `jump_events` (every jump of a listed coin, market-wide or coin-specific), so regime and anomaly studies
 * can be scored against the truth.
 */
import { join } from 'node:path';
import { COINS } from '../../simulator/coins';
import { REGIME_LABELS } from '../../simulator/regime';
import { PART_FILE } from '../parquet-staging';
import { writeParquet } from '../parquet-writer';
import { datasetPath, DAY_MS, HOUR_MS, SYMBOL_LIST, tsFromMs, type TableContext } from './context';

const LABEL_LIST = `[${REGIME_LABELS.map((l) => `'${l}'`).join(', ')}]`;

export async function writeRegimes(ctx: TableContext): Promise<void> {
  const { history } = ctx;
  const startMs = history.start * 1000;
  const days = Math.floor(history.hours / 24);
  const t = new Float64Array(days);
  const regime = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    let worst = 0;
    for (let k = d * 24; k < d * 24 + 24; k++) worst = Math.max(worst, history.regime[k]!);
    t[d] = startMs + d * DAY_MS;
    regime[d] = worst;
  }
  await writeParquet({
    columns: { t, regime },
    select: `CAST(${tsFromMs('t')} AS DATE) AS date, CAST(regime AS INTEGER) AS regime, ${LABEL_LIST}[CAST(regime AS INTEGER) + 1] AS label`,
    target: join(ctx.root, datasetPath('regime_labels'), PART_FILE),
  });

  const rows = { t: [] as number[], coin: [] as number[], size: [] as number[], market: [] as number[] };
  const btcJumps = history.jumps[0]!;
  COINS.forEach((coin, i) => {
    const listed = Date.parse(`${coin.listed}T00:00:00Z`);
    const jumps = history.jumps[i]!;
    for (let k = 0; k < history.hours; k++) {
      const time = startMs + k * HOUR_MS;
      if (jumps[k] === 0 || time < listed) continue;
      rows.t.push(time);
      rows.coin.push(i);
      rows.size.push(jumps[k]!);
      rows.market.push(btcJumps[k] !== 0 ? 1 : 0);
    }
  });
  await writeParquet({
    columns: {
      t: Float64Array.from(rows.t),
      coin: Float64Array.from(rows.coin),
      size: Float64Array.from(rows.size),
      market: Float64Array.from(rows.market),
    },
    select: `${tsFromMs('t')} AS ts, CAST(${tsFromMs('t')} AS DATE) AS date, ${SYMBOL_LIST}[CAST(coin AS INTEGER) + 1] AS symbol, size AS "return", CASE WHEN market = 1 THEN 'market' ELSE 'idiosyncratic' END AS jump_type`,
    target: join(ctx.root, datasetPath('jump_events'), PART_FILE),
    orderBy: 't, coin',
  });
}
