import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFillStore, type FillStore } from '../../../server/portfolio/store';
import type { ValidTrade } from '../../../server/portfolio/trade-input';
import { openStateDb, type StateDb } from '../../../server/state/db';
import { useTempDir } from '../temp-dir';

const dir = useTempDir('vollab-fill-store-');
let db: StateDb;
let store: FillStore;
beforeEach(async () => {
  db = await openStateDb(join(dir(), 'vollab.duckdb'));
  store = await openFillStore(db, () => 1);
});
afterEach(() => db.close());

const trade = (clientId: string | null, amount = 10): ValidTrade => ({
  instrument_name: 'BTC-PERPETUAL',
  direction: 'buy',
  amount,
  price: 95_000,
  fee: 0,
  timestamp: 1,
  client_id: clientId,
});
const stored = async () =>
  (await db.read('SELECT client_id, amount FROM fills ORDER BY seq')).map((r) => [
    r.client_id,
    r.amount,
  ]);

describe('the fill store', () => {
  it('stores concurrent resubmissions of one client id once, answering each with the original', async () => {
    const results = await Promise.all([
      store.add(trade('same', 1)),
      store.add(trade('same', 2)),
      store.add(trade(null, 3)),
      store.add(trade('same', 4)),
    ]);
    expect(results.map((r) => r.duplicate)).toEqual([false, true, false, true]);
    expect(results[1]!.fill).toEqual(results[0]!.fill);
    expect(results[3]!.fill).toEqual(results[0]!.fill);
    expect(await stored()).toEqual([
      ['same', 1],
      [null, 3],
    ]);
    expect(store.list()).toHaveLength(2);
  });

  it('a batch that fails stores nothing and forgets its client ids', async () => {
    // Validation upstream never lets a null name through; here it stands in for any failed INSERT (NOT NULL).
    const broken = { ...trade('b'), instrument_name: null as unknown as string };
    await expect(store.addMany([trade('a'), broken])).rejects.toThrow(/NOT NULL/);
    expect(await stored()).toEqual([]);
    expect(store.list()).toEqual([]);
    expect((await store.add(trade('a'))).duplicate).toBe(false);
    expect((await store.add(trade('b'))).duplicate).toBe(false);
  });

  it('a deleted fill frees its client id; a corrected one keeps it', async () => {
    const { fill } = await store.add(trade('x'));
    const fixed = await store.correct(fill.id, { ...trade(null), amount: 20 });
    expect(fixed).toEqual({ ...fill, amount: 20 });
    expect((await store.add(trade('x'))).fill).toEqual(fixed);
    expect(await store.remove(fill.id)).toBe(true);
    expect(await store.remove(fill.id)).toBe(false);
    expect((await store.add(trade('x'))).duplicate).toBe(false);
  });
});
