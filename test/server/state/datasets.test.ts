import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALERT_MIGRATIONS } from '../../../server/alerts/store';
import { ALERT_DATASETS } from '../../../server/alerts/datasets';
import { createCatalogReader } from '../../../server/datasets/catalog-reader';
import { queryRows, quoteLiteral } from '../../../server/db/duckdb';
import { PORTFOLIO_DATASETS } from '../../../server/portfolio/datasets';
import { openFillStore, type FillStore } from '../../../server/portfolio/store';
import type { ValidTrade } from '../../../server/portfolio/trade-input';
import { openStateDb, type StateDb } from '../../../server/state/db';
import { startStateDatasets, type StateDatasets } from '../../../server/state/datasets';
import { useTempDir } from '../temp-dir';

const dir = useTempDir('vollab-state-datasets-');
let db: StateDb;
let store: FillStore;
let exports: StateDatasets;
const T0 = Date.UTC(2026, 0, 5, 8);
beforeEach(async () => {
  db = await openStateDb(join(dir(), 'vollab.duckdb'));
  store = await openFillStore(db, () => T0);
  exports = startStateDatasets({
    state: db,
    datasetsDir: dir(),
    specs: [...PORTFOLIO_DATASETS, ...ALERT_DATASETS],
    debounceMs: 60_000,
  });
});
afterEach(async () => {
  exports.close();
  await db.close();
});

const trade = (o: Partial<ValidTrade>): ValidTrade => ({
  instrument_name: 'BTC-PERPETUAL',
  direction: 'buy',
  amount: 10_000,
  price: 50_000,
  fee: 0,
  timestamp: T0,
  client_id: null,
  ...o,
});
const rowsOf = async (name: string) => {
  const entry = await createCatalogReader(dir()).find(name);
  expect(entry, name).toBeDefined();
  const file = join(dir(), entry!.partitions[0]!.path);
  return queryRows(`SELECT * FROM read_parquet(${quoteLiteral(file)})`);
};

describe('the state tables as datasets', () => {
  it('lists fills, positions and history in the catalog only once their tables exist', async () => {
    await exports.refresh();
    const names = (await createCatalogReader(dir()).read()).datasets.map((d) => d.name);
    expect(names).toEqual(['fills', 'portfolio_history', 'positions']);
    await db.migrate('alerts', ALERT_MIGRATIONS);
    await exports.refresh();
    const after = (await createCatalogReader(dir()).read()).datasets;
    expect(after.map((d) => d.name)).toEqual(['alerts', 'fills', 'portfolio_history', 'positions']);
    expect(after.every((d) => d.source === 'state' && d.rows === 0)).toBe(true);
    expect(after.find((d) => d.name === 'fills')!.schema.map((c) => c.name)).toContain('client_id');
  });

  it('exports what was committed, and positions by the same rules as the API', async () => {
    // Long 10,000 USD at 50,000, sold 4,000 at 40,000: realized 4,000 × (1/50,000 − 1/40,000) = −0.02 BTC.
    await store.add(trade({ client_id: 'a' }));
    await store.add(
      trade({ direction: 'sell', amount: 4_000, price: 40_000, timestamp: T0 + 1, fee: 0.001 }),
    );
    await exports.refresh();
    const fills = await rowsOf('fills');
    expect(fills.map((f) => [f.client_id, f.direction, f.amount])).toEqual([
      ['a', 'buy', 10_000],
      [null, 'sell', 4_000],
    ]);
    expect((fills[0]!.time as Date).getTime()).toBe(T0);
    const [p] = await rowsOf('positions');
    expect(p).toMatchObject({
      instrument_name: 'BTC-PERPETUAL',
      instrument_kind: 'perpetual',
      amount: 6_000,
    });
    expect(p!.avg_price).toBeCloseTo(50_000, 9);
    expect(p!.realized_pnl).toBeCloseTo(4_000 * (1 / 50_000 - 1 / 40_000) - 0.001, 12);
    const entry = await createCatalogReader(dir()).find('fills');
    expect(entry!.rows).toBe(2);
    expect(entry!.timeRange).toEqual({
      start: '2026-01-05T08:00:00.000Z',
      end: '2026-01-05T08:00:00.001Z',
    });
  });

  it("removes what a killed export left (another pid's temporary files) and keeps its own output", async () => {
    const kind = join(dir(), 'source=state', 'kind=fills');
    await mkdir(kind, { recursive: true });
    await writeFile(join(kind, 'part.parquet.999999999.tmp'), 'half a file');
    await writeFile(join(dir(), 'source=state', 'catalog.json.999999999.tmp'), '{');
    await exports.refresh();
    expect((await readdir(kind)).sort()).toEqual(['part.parquet']);
    expect((await readdir(join(dir(), 'source=state'))).filter((n) => n.endsWith('.tmp'))).toEqual(
      [],
    );
  });

  it('history carries returns and drawdown; a refresh with nothing new writes nothing', async () => {
    await db.write(async (tx) => {
      for (const [t, v, pnl] of [
        [T0, 1000, 0],
        [T0 + 60_000, 1100, 100],
        [T0 + 120_000, 1045, 45],
      ])
        await tx.run('INSERT INTO portfolio_history VALUES (?, ?, ?)', [t!, v!, pnl!]);
    });
    await exports.refresh();
    const history = await rowsOf('portfolio_history');
    expect(history.map((h) => [h.change_usd, h.drawdown_usd])).toEqual([
      [0, 0],
      [100, 0],
      [-55, 55],
    ]);
    expect(history[2]!.return).toBeCloseTo(-55 / 1100, 12);
    const before = await createCatalogReader(dir()).read();
    await exports.refresh();
    expect((await createCatalogReader(dir()).read()).generatedAt).toBe(before.generatedAt);
  });
});
