/**
 * Fills in the durable state database (table `fills`), with a copy in memory for marking. Every write is one
 * transaction through the database's serial queue, so a resolved promise means committed and in the WAL.
 * Idempotency: a client id already stored returns the stored fill, whatever the resubmission says. The index of
 * client ids lives in memory (the sidecar is the only writer) and is read and updated inside the serialized
 * transaction callbacks, so two concurrent resubmissions cannot both insert; a rolled-back batch takes its ids
 * back out. A CSV import is one transaction:
 * all rows or none. No UNIQUE constraints: DuckDB updates indexed columns as delete + insert, which trips its
 * own constraint check inside a transaction; the single writer keeps ids unique instead.
 */
import { randomUUID } from 'node:crypto';
import type { FillWire } from '../contract/portfolio';
import type { StateDb, StateRow, StateTx } from '../state/db';
import type { ValidTrade } from './trade-input';
import { groupCommit } from './group-commit';

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

export interface AddResult {
  fill: FillWire;
  duplicate: boolean;
}

export interface FillStore {
  /** Stored fills in time order (ties in the order stored). */
  list(): readonly FillWire[];
  /** Bumped on every change. */
  readonly version: number;
  /** One trade; resolves once committed (trades added meanwhile share a transaction, each acknowledged). */
  add(trade: ValidTrade): Promise<AddResult>;
  /**
   * All or none, committed in one transaction (shared with trades added meanwhile; a failed shared round is
   * retried alone, so another client's failure never fails this batch); duplicates (stored, or earlier in the
   * batch) return the first fill.
   */
  addMany(trades: readonly ValidTrade[]): Promise<AddResult[]>;
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

  const byClientId = new Map<string, FillWire>();
  for (const f of fills)
    if (f.client_id !== null && !byClientId.has(f.client_id)) byClientId.set(f.client_id, f);

  /** The batch's results, new fills numbered; their client ids are claimed in `batch`. */
  const prepare = (trades: readonly ValidTrade[], batch: Set<string>): AddResult[] =>
    trades.map((t) => {
      const known = t.client_id === null ? undefined : byClientId.get(t.client_id);
      if (known) return { fill: known, duplicate: true };
      const fill: FillWire = { id: randomUUID(), ...t, created_at: now() };
      if (fill.client_id !== null) {
        byClientId.set(fill.client_id, fill);
        batch.add(fill.client_id);
      }
      return { fill, duplicate: false };
    });

  /** One multi-row INSERT: a round trip per batch, not per fill. */
  const insert = async (tx: StateTx, added: readonly FillWire[]) => {
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
      ++seq,
    ]);
    const row = `(${Array(10).fill('?').join(', ')})`;
    await tx.run(`INSERT INTO fills VALUES ${added.map(() => row).join(', ')}`, values.flat());
  };

  /** One transaction for the batch (all or nothing); duplicates answered with the stored fill. */
  const commitBatch = async (trades: readonly ValidTrade[]) => {
    const batchIds = new Set<string>();
    const forget = () => {
      for (const id of batchIds) byClientId.delete(id);
    };
    let out;
    try {
      out = await db.write(async (tx) => {
        const results = prepare(trades, batchIds);
        try {
          await insert(
            tx,
            results.flatMap((r) => (r.duplicate ? [] : [r.fill])),
          );
        } catch (error) {
          forget(); // rolled back: forget its ids before the next transaction can look them up
          throw error;
        }
        return results;
      });
    } catch (error) {
      forget(); // a failed COMMIT
      throw error;
    }
    const added = out.filter((r) => !r.duplicate).map((r) => r.fill);
    if (added.length > 0) {
      fills.push(...added);
      sort();
    }
    return out;
  };
  // Single trades and batches arriving while a transaction is in flight share the next one (group-commit.ts).
  const addMany = groupCommit(commitBatch);

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
        if (changed.client_id !== null) byClientId.set(changed.client_id, changed);
        fills = fills.map((f) => (f.id === id ? changed : f));
        sort();
      }
      return changed;
    },
    async remove(id) {
      const gone = await db.write(async (tx) => {
        const [row] = await tx.all('SELECT client_id FROM fills WHERE id = ?', [id]);
        if (row) await tx.run('DELETE FROM fills WHERE id = ?', [id]);
        // A deleted fill frees its client id: resubmitting it stores the trade again.
        if (row && row.client_id !== null) byClientId.delete(String(row.client_id));
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
