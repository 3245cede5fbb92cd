/**
 * The portfolio's tables in the state database (their migrations, in order: never edit a shipped step) and the
 * fills' row mapping. `seq` numbers fills in the order stored, to break timestamp ties.
 */
import type { FillWire } from '../contract/portfolio';
import type { StateRow, StateTx } from '../state/db';

/** @example await db.migrate('portfolio', FILLS_MIGRATIONS); */
export const FILLS_MIGRATIONS = [
  [
    `CREATE TABLE fills (id VARCHAR NOT NULL, client_id VARCHAR, instrument_name VARCHAR NOT NULL,
      direction VARCHAR NOT NULL, amount DOUBLE NOT NULL, price DOUBLE NOT NULL, fee DOUBLE NOT NULL,
      timestamp BIGINT NOT NULL, created_at BIGINT NOT NULL, seq BIGINT NOT NULL)`,
  ],
  // The book's value a point a minute (value-recorder.ts).
  [
    `CREATE TABLE portfolio_history (t BIGINT NOT NULL, value_usd DOUBLE NOT NULL, pnl_usd DOUBLE NOT NULL)`,
  ],
  // One-off facts about the book, e.g. whether the demo book was seeded or removed (demo.ts).
  [`CREATE TABLE portfolio_flags (name VARCHAR NOT NULL, value VARCHAR NOT NULL)`],
] as const;

/** A stored row as its wire fill. */
export const fillFromRow = (r: StateRow): FillWire => ({
  id: String(r.id),
  client_id: r.client_id === null ? null : String(r.client_id),
  instrument_name: String(r.instrument_name),
  direction: r.direction === 'sell' ? 'sell' : 'buy',
  amount: Number(r.amount),
  price: Number(r.price),
  fee: Number(r.fee),
  timestamp: Number(r.timestamp),
  created_at: Number(r.created_at),
});

/** Fills in time order, ties in the order stored. */
export const FILLS_ORDER = 'ORDER BY timestamp, seq';

/**
 * One multi-row INSERT: a round trip per batch, not per fill.
 *
 * @example await insertFills(tx, added, () => ++seq);
 */
export async function insertFills(
  tx: StateTx,
  added: readonly FillWire[],
  nextSeq: () => number,
): Promise<void> {
  if (added.length === 0) return;
  const values = added.map((f) => [
    f.id,
    f.client_id,
    f.instrument_name,
    f.direction,
    f.amount,
    f.price,
    f.fee,
    f.timestamp,
    f.created_at,
    nextSeq(),
  ]);
  const row = `(${Array(10).fill('?').join(', ')})`;
  await tx.run(`INSERT INTO fills VALUES ${added.map(() => row).join(', ')}`, values.flat());
}
