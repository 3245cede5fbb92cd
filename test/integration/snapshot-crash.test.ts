/**
 * A real crash: a child process merging 400k trade rows into a partition on disk is killed with SIGKILL while
 * DuckDB writes the temporary file. The previous file must still read back whole, the catalog must not see the
 * leftover, and the next write must remove it and merge normally. And a run killed after it renamed a new
 * partition into place but before it rewrote the catalog: the next start or run removes every leftover and
 * rebuilds the catalog from the files.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogDrift } from '../../server/datasets/catalog-check';
import { parseCatalog } from '../../server/datasets/catalog-reader';
import { buildCatalog, writeCatalog } from '../../server/datasets/catalog-writer';
import { PART_FILE } from '../../server/datasets/parquet-staging';
import { queryRows, quoteLiteral } from '../../server/db/duckdb';
import type { SnapshotRow } from '../../server/snapshots/schema';
import { recoverDatasets } from '../../server/snapshots/recover';
import { runSnapshot } from '../../server/snapshots/run';
import { createDeribitHttpClient } from '../../server/sources/deribit/http-client';
import { writeSnapshot } from '../../server/snapshots/writer';

const T0 = Date.UTC(2026, 0, 5);
const root = resolve(import.meta.dirname, '../..');
let dir: string;

/** Start `child(datasetsDir, days)` and SIGKILL it as soon as a `.tmp` file appears in `part`. */
async function killDuringMerge(datasetsDir: string, part: string, days = 1): Promise<string> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', child(datasetsDir, days)],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
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
  return out;
}

/** Every file and folder under `path`, relative to it. */
async function tree(path: string): Promise<string[]> {
  return (await readdir(path, { recursive: true })).map(String).sort();
}

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

/**
 * The child: the same rows, priced 2, merged into the partition (the write the kill interrupts); `days` > 1
 * spreads them over new partitions too, which are renamed into place before the merge starts.
 */
const child = (datasetsDir: string, days = 1) => `
import { writeSnapshot } from ${JSON.stringify(join(root, 'server/snapshots/writer.ts'))};
const rows = Array.from({ length: 400000 }, (_, i) => ({ timestamp: ${T0} + Math.floor(i / (400000 / ${days})) * 86400000 + (i % (400000 / ${days})) * 100, trade_id: 'BTC-' + i,
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
    const out = await killDuringMerge(dir, part);
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

  /** A run killed after renaming the new 2026-01-06 partition into place, while merging 2026-01-05. */
  async function killedRun(datasetsDir: string): Promise<void> {
    await writeSnapshot({ datasetsDir, source: 'deribit', kind: 'trades', rows: rows(0, 1000, 1) });
    await writeCatalog(datasetsDir, await buildCatalog(datasetsDir));
    await killDuringMerge(
      datasetsDir,
      join(datasetsDir, 'source=deribit/kind=trades/currency=BTC/date=2026-01-05'),
      2,
    );
    const stale = parseCatalog(await readFile(join(datasetsDir, 'catalog.json'), 'utf8'));
    expect(stale.datasets[0]!.rows).toBe(1000);
    expect(await catalogDrift(datasetsDir)).toEqual([
      'source=deribit/kind=trades/currency=BTC/date=2026-01-06/part-0.parquet',
    ]);
    expect((await tree(datasetsDir)).filter((p) => p.endsWith('.tmp'))).toHaveLength(1);
  }

  /** No temp or lock file anywhere, and the catalog counts what the files hold. */
  async function expectRepaired(datasetsDir: string): Promise<void> {
    expect((await tree(datasetsDir)).filter((p) => /\.tmp|\.lock|\.stale/.test(p))).toEqual([]);
    const glob = join(datasetsDir, 'source=deribit/kind=trades/**/*.parquet');
    const [onDisk] = await queryRows(
      `SELECT count(*) AS n FROM read_parquet(${quoteLiteral(glob)})`,
    );
    expect(Number(onDisk!.n)).toBe(1000 + 200_000);
    const catalog = parseCatalog(await readFile(join(datasetsDir, 'catalog.json'), 'utf8'));
    expect(catalog.datasets[0]!.rows).toBe(1000 + 200_000);
    expect(await catalogDrift(datasetsDir)).toEqual([]);
  }

  it('repairs a killed run on the next start: leftovers removed, catalog rebuilt from the files', async () => {
    const datasetsDir = join(dir, 'on-start');
    await killedRun(datasetsDir);
    const { removed, rebuilt } = await recoverDatasets(datasetsDir);
    expect(removed).toHaveLength(1);
    expect(rebuilt).toBe(true);
    await expectRepaired(datasetsDir);
    expect(await recoverDatasets(datasetsDir)).toEqual({ removed: [], rebuilt: false });
  });

  it('repairs a killed run on the next snapshot run', async () => {
    const datasetsDir = join(dir, 'next-run');
    await killedRun(datasetsDir);
    // A run with nothing to fetch: the client is never called.
    const deribit = createDeribitHttpClient({ baseUrl: 'http://127.0.0.1:9', limiter: null });
    await runSnapshot({ datasetsDir, source: 'live', deribit, currencies: ['BTC'], kinds: [] });
    await expectRepaired(datasetsDir);
  });
});
