/**
 * Daily log returns of BTC and ETH for historical VaR, from the stored hourly bars (`ohlcv_hourly`): the last
 * close of each UTC day, on the days both currencies have, so one day's scenario moves both together; beside
 * them, when the stored daily DVOL covers those days, each day's change of implied vol. Read once
 * and kept (the history changes daily at most; a new snapshot is picked up on restart).
 */
import { join } from 'node:path';
import { queryRows, quoteLiteral } from '../db/duckdb';

export interface DailyReturns {
  /** Day of each return (YYYY-MM-DD, the later close). */
  days: string[];
  byCurrency: Record<'BTC' | 'ETH', Float64Array>;
  /**
   * Each day's change of DVOL (the 30-day ATM implied vol index) as a fraction (0.02 = +2 vol points), over the
   * same closes; absent when the stored DVOL does not cover every day.
   */
  volChanges?: Record<'BTC' | 'ETH', Float64Array>;
}

/** Where the returns come from (the datasets folder, or a fixed series in tests). */
export type ReturnsSource = () => Promise<DailyReturns | null>;

/**
 * DVOL's daily change (a fraction) on each of `days` against the day before it in `days`, when the stored
 * daily DVOL has both currencies on every one of them and the day before the first.
 */
async function dvolChanges(
  glob: string,
  days: readonly string[],
): Promise<Pick<DailyReturns, 'volChanges'>> {
  const rows = await queryRows(
    `SELECT strftime(CAST(date AS DATE), '%Y-%m-%d') AS day, currency, close
     FROM read_parquet(${quoteLiteral(glob)}, hive_partitioning = true, union_by_name = true)
     WHERE currency IN ('BTC', 'ETH') AND close > 0`,
  ).catch(() => []);
  const level = new Map(
    rows.map((r) => [`${String(r.currency)} ${String(r.day)}`, Number(r.close)]),
  );
  const before = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const changes = (currency: 'BTC' | 'ETH') =>
    Float64Array.from(days, (day, i) => {
      const prev = level.get(`${currency} ${i === 0 ? before(day) : days[i - 1]}`);
      const now = level.get(`${currency} ${day}`);
      return prev === undefined || now === undefined ? NaN : (now - prev) / 100;
    });
  const volChanges = { BTC: changes('BTC'), ETH: changes('ETH') };
  const complete = [volChanges.BTC, volChanges.ETH].every((a) => a.every(Number.isFinite));
  return complete ? { volChanges } : {};
}

/**
 * @example
 * const returns = await datasetReturns(config.datasetsDir)(); // null when no hourly bars are stored
 */
export function datasetReturns(datasetsDir: string): ReturnsSource {
  let cached: Promise<DailyReturns | null> | null = null;
  const load = async (): Promise<DailyReturns | null> => {
    const glob = join(datasetsDir, '*', 'kind=ohlcv_hourly', 'currency=*', '*.parquet');
    const dvolGlob = join(datasetsDir, '*', 'kind=dvol_daily', 'currency=*', '*.parquet');
    const rows = await queryRows(
      `WITH closes AS (
         SELECT currency, CAST(ts AS DATE) AS day, arg_max(close, ts) AS close
         FROM read_parquet(${quoteLiteral(glob)}, hive_partitioning = true, union_by_name = true)
         WHERE currency IN ('BTC', 'ETH') AND close > 0 GROUP BY ALL),
       -- Not "both": a keyword to DuckDB's parser, which made this whole query fail (and VaR report no history).
       paired AS (SELECT b.day, b.close AS btc, e.close AS eth FROM closes b JOIN closes e USING (day)
         WHERE b.currency = 'BTC' AND e.currency = 'ETH')
       SELECT strftime(day, '%Y-%m-%d') AS day, ln(btc / lag(btc) OVER w) AS btc, ln(eth / lag(eth) OVER w) AS eth
       FROM paired WINDOW w AS (ORDER BY day) ORDER BY day`,
    ).catch(() => []);
    const usable = rows.filter((r) => r.btc !== null && r.eth !== null);
    if (usable.length < 100) return null;
    const days = usable.map((r) => String(r.day));
    return {
      days,
      byCurrency: {
        BTC: Float64Array.from(usable, (r) => Number(r.btc)),
        ETH: Float64Array.from(usable, (r) => Number(r.eth)),
      },
      ...(await dvolChanges(dvolGlob, days)),
    };
  };
  return () => (cached ??= load());
}
