import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../server/datasets/catalog-writer';
import { queryRows, quoteLiteral } from '../../../server/db/duckdb';
import type { SnapshotRow } from '../../../server/snapshots/schema';
import { MS_PER_HOUR } from '../../../cells/time';
import { PART_FILE } from '../../../server/datasets/parquet-staging';
import { writeSnapshot } from '../../../server/snapshots/writer';

const T0 = Date.UTC(2026, 0, 5, 12);
let dir: string;

/** Trade `i`: ids `BTC-<i>`, 1 h apart from T0, so 24 per UTC day. */
function trade(i: number, price = 100 + i): SnapshotRow {
  return {
    timestamp: T0 + i * MS_PER_HOUR,
    trade_id: `BTC-${i}`,
    trade_seq: i,
    instrument_name: i % 2 ? 'BTC-PERPETUAL' : 'BTC-9JAN26-100000-C',
    price,
    amount: 10,
    direction: i % 3 ? 'buy' : 'sell',
    index_price: 99_000,
    mark_price: 100,
    iv: i % 2 ? null : 55.5,
    tick_direction: 1,
    liquidation: null,
    block_trade_id: null,
    currency: 'BTC',
  };
}
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => trade(a + k));
const onDisk = () =>
  queryRows(
    `SELECT trade_id, price, iv, trade_seq, "timestamp", "date" FROM read_parquet(${quoteLiteral(join(dir, 'source=deribit/kind=trades/**/*.parquet'))}) ORDER BY trade_seq`,
  );
const write = (rows: SnapshotRow[], beforeRename?: (p: string) => void) =>
  writeSnapshot({
    datasetsDir: dir,
    source: 'deribit',
    kind: 'trades',
    rows,
    ...(beforeRename ? { beforeRename } : {}),
  });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vollab-snap-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writeSnapshot', () => {
  it('partitions by currency and UTC date and keeps types (TIMESTAMP, BIGINT, NULL)', async () => {
    const r = await write(range(0, 40));
    // T0 is 12:00 on Jan 5: hours 0..11 fall on Jan 5, 12..35 on Jan 6, 36..39 on Jan 7.
    expect(r).toEqual({
      added: 40,
      partitions: ['2026-01-05', '2026-01-06', '2026-01-07'].map(
        (d) => `source=deribit/kind=trades/currency=BTC/date=${d}`,
      ),
    });
    const rows = await onDisk();
    expect(rows).toHaveLength(40);
    expect(rows[0]).toEqual({
      trade_id: 'BTC-0',
      price: 100,
      iv: 55.5,
      trade_seq: 0n,
      timestamp: new Date(T0),
      date: new Date(Date.UTC(2026, 0, 5)),
    });
    expect(rows[1]!.iv).toBeNull();
    const counts = await queryRows(
      `SELECT "date"::VARCHAR AS d, count(*) AS n FROM read_parquet(${quoteLiteral(join(dir, 'source=deribit/kind=trades/*/*/*.parquet'))}, hive_partitioning = false) GROUP BY 1 ORDER BY 1`,
    );
    expect(counts.map((c) => [c.d, Number(c.n)])).toEqual([
      ['2026-01-05', 12],
      ['2026-01-06', 24],
      ['2026-01-07', 4],
    ]);
  });

  it('adds no duplicate on a re-run over an overlapping window, and the newest copy of a row wins', async () => {
    await write(range(0, 30));
    const again = await write([...range(20, 50), trade(5, 999), trade(45)]);
    expect(again.added).toBe(20);
    const rows = await onDisk();
    expect(rows.map((r) => r.trade_id)).toEqual(range(0, 50).map((t) => t.trade_id));
    expect(rows.find((r) => r.trade_id === 'BTC-5')!.price).toBe(999);
    expect((await write(range(0, 50))).added).toBe(0);
    expect(await onDisk()).toHaveLength(50);
  });

  it('leaves the previous file valid when the process dies before the rename, and cleans up next time', async () => {
    await write(range(0, 12));
    const part = join(dir, 'source=deribit/kind=trades/currency=BTC/date=2026-01-05');
    await expect(
      write(
        range(0, 12).map((t) => ({ ...t, price: -1 })),
        () => {
          throw new Error('crash');
        },
      ),
    ).rejects.toThrow('crash');
    // A crash that left a half-written temporary file behind (as SIGKILL would).
    await writeFile(join(part, '.part-99999-1.tmp'), 'PAR1 half a file');
    expect(await readdir(part)).toEqual(['.part-99999-1.tmp', PART_FILE]);
    expect((await onDisk()).map((r) => r.price)).toEqual(range(0, 12).map((t) => t.price));
    const catalog = await buildCatalog(dir);
    expect(catalog.datasets[0]!.rows).toBe(12);
    expect((await write([trade(3)])).added).toBe(0);
    expect(await readdir(part)).toEqual([PART_FILE]);
  });

  it('rejects rows it cannot partition', async () => {
    await expect(write([{ ...trade(0), timestamp: NaN }])).rejects.toThrow(
      'invalid timestamp: NaN',
    );
    await expect(write([{ ...trade(0), currency: '../x' }])).rejects.toThrow(
      'invalid currency: ../x',
    );
    expect(await write([])).toEqual({ added: 0, partitions: [] });
  });
});
