/**
 * The columns of each snapshot dataset, in file order. Rows arrive as plain objects in Deribit's and
 * Polymarket's field names; `timestamp` is ms since the epoch and becomes a TIMESTAMP (the catalog's time
 * column), `currency` and `date` repeat the partition values so each file stands alone.
 */
import type { SnapshotKind } from './kinds';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'INTEGER' | 'TIMESTAMP';

export interface Column {
  name: string;
  type: ColumnType;
}

export type SnapshotValue = string | number | null;
/** One row: `timestamp` (ms) and `currency` are required for partitioning. */
export type SnapshotRow = Record<string, SnapshotValue> & { timestamp: number; currency: string };

const cols = (spec: string): Column[] =>
  spec
    .trim()
    .split(/\s*,\s*/)
    .map((c) => {
      const [name, type] = c.split(/\s+/) as [string, ColumnType];
      return { name, type };
    });

export const SCHEMAS: Readonly<Record<SnapshotKind, readonly Column[]>> = {
  trades: cols(`timestamp TIMESTAMP, trade_id VARCHAR, trade_seq BIGINT, instrument_name VARCHAR,
    price DOUBLE, amount DOUBLE, direction VARCHAR, index_price DOUBLE, mark_price DOUBLE, iv DOUBLE,
    tick_direction INTEGER, liquidation VARCHAR, block_trade_id VARCHAR, currency VARCHAR`),
  chain: cols(`timestamp TIMESTAMP, instrument_name VARCHAR, expiry TIMESTAMP, strike DOUBLE,
    option_type VARCHAR, underlying_price DOUBLE, underlying_index VARCHAR, mark_price DOUBLE, mark_iv DOUBLE,
    bid_price DOUBLE, ask_price DOUBLE, mid_price DOUBLE, last DOUBLE, open_interest DOUBLE, volume DOUBLE,
    interest_rate DOUBLE, currency VARCHAR`),
  ohlcv: cols(`timestamp TIMESTAMP, instrument_name VARCHAR, open DOUBLE, high DOUBLE, low DOUBLE,
    close DOUBLE, volume DOUBLE, cost DOUBLE, currency VARCHAR`),
  dvol: cols(
    `timestamp TIMESTAMP, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE, currency VARCHAR`,
  ),
  polymarket:
    cols(`timestamp TIMESTAMP, token_id VARCHAR, outcome VARCHAR, price DOUBLE, market_id VARCHAR,
    slug VARCHAR, question VARCHAR, end_date TIMESTAMP, currency VARCHAR`),
};

/** `YYYY-MM-DD` (UTC) of a ms timestamp: the `date=` partition. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
