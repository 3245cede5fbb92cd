/**
 * Fills in the durable state database (table `fills`), with a copy in memory for marking. Every write is one
 * transaction through the database's serial queue, so a resolved promise means committed and in the WAL;
 * idempotency is checked inside that transaction (a client id already stored returns the stored fill, whatever
 * the resubmission says), so two concurrent resubmissions cannot both insert. A CSV import is one transaction:
 * all rows or none. No UNIQUE constraints: DuckDB updates indexed columns as delete + insert, which trips its
 * own constraint check inside a transaction; the single writer keeps ids unique instead.
 */
import { randomUUID } from 'node:crypto';
import type { FillWire } from '../contract/portfolio';
import type { StateDb, StateRow, StateTx } from '../state/db';
import type { ValidTrade } from './trade-input';

export const FILLS_MIGRATIONS = [
  [
    `CREATE TABLE fills (id VARCHAR NOT NULL, client_id VARCHAR, instrument_name VARCHAR NOT NULL,
      direction VARCHAR NOT NULL, amount DOUBLE NOT NULL, price DOUBLE NOT NULL, fee DOUBLE NOT NULL,
      timestamp BIGINT NOT NULL, created_at BIGINT NOT NULL, seq BIGINT NOT NULL)`,
  ],
] as const;

export interface FillStore {
  /** Stored fills in time order (ties in the order stored). */
  list(): readonly FillWire[];
  /** Bumped on every change. */
  readonly version: number;
  add(trade: ValidTrade): Promise<{ fill: FillWire; duplicate: boolean }>;
  /** All in one transaction; duplicates (stored, or earlier in the batch) return the first fill. */
  addMany(trades: readonly ValidTrade[]): Promise<{ fill: FillWire; duplicate: boolean }[]>;
  /** Replace a fill's fields (id and client id kept); null when there is no such fill. */
  correct(id: string, trade: ValidTrade): Promise<FillWire | null>;
  remove(id: string): Promise<boolean>;
}

const fromRow = (r: StateRow): FillWire => ({
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

const ORDER = 'ORDER BY timestamp, seq';

/**
 * @example
 * const fills = await openFillStore(await openStateDb(config.stateDb));
 * await fills.add(validTrade(body, Date.now()));
 */
export async function openFillStore(db: StateDb, now: () => number = Date.now): Promise<FillStore> {
  await db.migrate('portfolio', FILLS_MIGRATIONS);
  const rows = await db.read(`SELECT * FROM fills ${ORDER}`);
  let fills: FillWire[] = rows.map(fromRow);
  let seq = rows.reduce((m, r) => Math.max(m, Number(r.seq)), 0);
  let version = 0;
  const sort = () => {
    fills = [...fills].sort((a, b) => a.timestamp - b.timestamp);
    version++;
  };

  const insert = async (tx: StateTx, t: ValidTrade, seen: Map<string, FillWire>) => {
    if (t.client_id !== null) {
      const known = seen.get(t.client_id);
      if (known) return { fill: known, duplicate: true };
      const [row] = await tx.all('SELECT * FROM fills WHERE client_id = ? LIMIT 1', [t.client_id]);
      if (row) return { fill: fromRow(row), duplicate: true };
    }
    const fill: FillWire = { id: randomUUID(), ...t, created_at: now() };
    await tx.run('INSERT INTO fills VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      fill.id,
      fill.client_id,
      fill.instrument_name,
      fill.direction,
      fill.amount,
      fill.price,
      fill.fee,
      fill.timestamp,
      fill.created_at,
      ++seq,
    ]);
    if (fill.client_id !== null) seen.set(fill.client_id, fill);
    return { fill, duplicate: false };
  };

  const addMany = async (trades: readonly ValidTrade[]) => {
    const before = seq;
    let out;
    try {
      out = await db.write(async (tx) => {
        const seen = new Map<string, FillWire>();
        const results = [];
        for (const t of trades) results.push(await insert(tx, t, seen));
        return results;
      });
    } catch (error) {
      seq = before; // rolled back
      throw error;
    }
    const added = out.filter((r) => !r.duplicate).map((r) => r.fill);
    if (added.length > 0) {
      fills.push(...added);
      sort();
    }
    return out;
  };

  return {
    list: () => fills,
    get version() {
      return version;
    },
    add: async (trade) => (await addMany([trade]))[0]!,
    addMany,
    async correct(id, t) {
      const changed = await db.write(async (tx) => {
        const [row] = await tx.all('SELECT * FROM fills WHERE id = ?', [id]);
        if (!row) return null;
        await tx.run(
          'UPDATE fills SET instrument_name = ?, direction = ?, amount = ?, price = ?, fee = ?, timestamp = ? WHERE id = ?',
          [t.instrument_name, t.direction, t.amount, t.price, t.fee, t.timestamp, id],
        );
        return { ...fromRow(row), ...t, client_id: fromRow(row).client_id };
      });
      if (changed) {
        fills = fills.map((f) => (f.id === id ? changed : f));
        sort();
      }
      return changed;
    },
    async remove(id) {
      const gone = await db.write(async (tx) => {
        const [row] = await tx.all('SELECT id FROM fills WHERE id = ?', [id]);
        if (row) await tx.run('DELETE FROM fills WHERE id = ?', [id]);
        return row !== undefined;
      });
      if (gone) {
        fills = fills.filter((f) => f.id !== id);
        sort();
      }
      return gone;
    },
  };
}
