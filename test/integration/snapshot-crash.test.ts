/**
 * A real crash: a child process merging 400k trade rows into a partition on disk is killed with SIGKILL while
 * DuckDB writes the temporary file. The previous file must still read back whole, the catalog must not see the
 * leftover, and the next write must remove it and merge normally.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../server/datasets/catalog-writer';
import { queryRows, quoteLiteral } from '../../server/db/duckdb';
import type { SnapshotRow } from '../../server/snapshots/schema';
import { PART_FILE, writeSnapshot } from '../../server/snapshots/writer';

const T0 = Date.UTC(2026, 0, 5);
const root = resolve(import.meta.dirname, '../..');
let dir: string;

const rows = (from: number, to: number, price: number): SnapshotRow[] =>
  Array.from({ length: to - from }, (_, k) => ({
    timestamp: T0 + (from + k) * 100,
    trade_id: `BTC-${from + k}`,
    trade_seq: from + k,
    instrument_name: 'BTC-PERPETUAL',
    price,
    amount: 10,
    direction: 'buy',
    index_price: null,
    mark_price: null,
    iv: null,
    tick_direction: 0,
    liquidation: null,
    block_trade_id: null,
    currency: 'BTC',
  }));

/** The child: the same rows, priced 2, merged into the partition (the write the kill interrupts). */
const child = (datasetsDir: string) => `
import { writeSnapshot } from ${JSON.stringify(join(root, 'server/snapshots/writer.ts'))};
const rows = Array.from({ length: 400000 }, (_, i) => ({ timestamp: ${T0} + i * 100, trade_id: 'BTC-' + i,
  trade_seq: i, instrument_name: 'BTC-PERPETUAL', price: 2, amount: 10, direction: 'buy', index_price: null,
  mark_price: null, iv: null, tick_direction: 0, liquidation: null, block_trade_id: null, currency: 'BTC' }));
await writeSnapshot({ datasetsDir: ${JSON.stringify(datasetsDir)}, source: 'deribit', kind: 'trades', rows });
console.log('finished');
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vollab-crash-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('snapshot writer under SIGKILL', () => {
  it('leaves the previous file valid and cleans up on the next write', async () => {
    await writeSnapshot({
      datasetsDir: dir,
      source: 'deribit',
      kind: 'trades',
      rows: rows(0, 1000, 1),
    });
    const part = join(dir, 'source=deribit/kind=trades/currency=BTC/date=2026-01-05');
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', child(dir)],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    proc.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise((r) => proc.once('exit', r));
    const t0 = Date.now();
    let killedMidWrite = false;
    while (Date.now() - t0 < 30_000 && proc.exitCode === null) {
      if ((await readdir(part)).some((n) => n.endsWith('.tmp'))) {
        proc.kill('SIGKILL');
        killedMidWrite = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    await exited;
    expect(killedMidWrite).toBe(true);
    expect(out).not.toContain('finished');
    const file = join(part, PART_FILE);
    const [before] = await queryRows(
      `SELECT count(*) AS n, min(price) AS lo, max(price) AS hi FROM read_parquet(${quoteLiteral(file)})`,
    );
    expect([Number(before!.n), before!.lo, before!.hi]).toEqual([1000, 1, 1]);
    expect((await buildCatalog(dir)).datasets[0]!.rows).toBe(1000);
    const next = await writeSnapshot({
      datasetsDir: dir,
      source: 'deribit',
      kind: 'trades',
      rows: rows(500, 1500, 3),
    });
    expect(next.added).toBe(500);
    expect(await readdir(part)).toEqual([PART_FILE]);
  });
});
