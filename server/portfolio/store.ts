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
import type { StateDb } from '../state/db';
import { FILLS_MIGRATIONS, fillFromRow, FILLS_ORDER, insertFills } from './fills-table';
import type { ValidTrade } from './trade-input';
import { groupCommit } from './group-commit';

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

/**
 * @example
 * const fills = await openFillStore(await openStateDb(config.stateDb));
 * await fills.add(validTrade(body, Date.now()));
 */
export async function openFillStore(db: StateDb, now: () => number = Date.now): Promise<FillStore> {
  await db.migrate('portfolio', FILLS_MIGRATIONS);
  const rows = await db.read(`SELECT * FROM fills ${FILLS_ORDER}`);
  let fills: FillWire[] = rows.map(fillFromRow);
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
          await insertFills(
            tx,
            results.flatMap((r) => (r.duplicate ? [] : [r.fill])),
            () => ++seq,
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
        return { ...fillFromRow(row), ...t, client_id: fillFromRow(row).client_id };
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
