/**
 * Daily log returns of BTC and ETH for historical VaR, from the stored hourly bars (`ohlcv_hourly`): the last
 * close of each UTC day, on the days both currencies have, so one day's scenario moves both together. Read once
 * and kept (the history changes daily at most; a new snapshot is picked up on restart).
 */
import { join } from 'node:path';
import { queryRows, quoteLiteral } from '../db/duckdb';

export interface DailyReturns {
  /** Day of each return (YYYY-MM-DD, the later close). */
  days: string[];
  byCurrency: Record<'BTC' | 'ETH', Float64Array>;
}

/** Where the returns come from (the datasets folder, or a fixed series in tests). */
export type ReturnsSource = () => Promise<DailyReturns | null>;

/**
 * @example
 * const returns = await datasetReturns(config.datasetsDir)(); // null when no hourly bars are stored
 */
export function datasetReturns(datasetsDir: string): ReturnsSource {
  let cached: Promise<DailyReturns | null> | null = null;
  const load = async (): Promise<DailyReturns | null> => {
    const glob = join(datasetsDir, '*', 'kind=ohlcv_hourly', 'currency=*', '*.parquet');
    const rows = await queryRows(
      `WITH closes AS (
         SELECT currency, CAST(ts AS DATE) AS day, arg_max(close, ts) AS close
         FROM read_parquet(${quoteLiteral(glob)}, hive_partitioning = true, union_by_name = true)
         WHERE currency IN ('BTC', 'ETH') AND close > 0 GROUP BY ALL),
       both AS (SELECT b.day, b.close AS btc, e.close AS eth FROM closes b JOIN closes e USING (day)
         WHERE b.currency = 'BTC' AND e.currency = 'ETH')
       SELECT strftime(day, '%Y-%m-%d') AS day, ln(btc / lag(btc) OVER w) AS btc, ln(eth / lag(eth) OVER w) AS eth
       FROM both WINDOW w AS (ORDER BY day) ORDER BY day`,
    ).catch(() => []);
    const usable = rows.filter((r) => r.btc !== null && r.eth !== null);
    if (usable.length < 100) return null;
    return {
      days: usable.map((r) => String(r.day)),
      byCurrency: {
        BTC: Float64Array.from(usable, (r) => Number(r.btc)),
        ETH: Float64Array.from(usable, (r) => Number(r.eth)),
      },
    };
  };
  return () => (cached ??= load());
}
