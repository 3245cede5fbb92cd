/**
 * One snapshot run: holding the datasets folder's snapshot lock, remove a killed run's leftovers; then for each
 * kind and currency, decide the window (from `since`, else from the newest row on disk, else the kind's
 * backfill start), fetch, merge into the partitions; then rebuild the catalog once.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { rebuildCatalog } from '../datasets/catalog-writer';
import { PART_FILE } from '../datasets/parquet-staging';
import { queryRows, quoteLiteral } from '../db/duckdb';
import type { DeribitHttpClient } from '../sources/deribit/http-client';
import type { PolymarketClient } from '../sources/polymarket/client';
import {
  collectChain,
  collectDvol,
  collectOhlcv,
  collectPolymarket,
  collectTrades,
  type Window,
} from './collect';
import { KIND_SPECS, type SnapshotKind } from './kinds';
import { removeSnapshotLeftovers, withSnapshotLock } from './recover';
import type { SnapshotRow } from './schema';
import { writeSnapshot } from './writer';
import { MS_PER_HOUR } from '../../cells/time';

export interface SnapshotRunOptions {
  datasetsDir: string;
  /** `simulated` writes under `source=simulated`; `live` under `source=deribit` / `source=polymarket`. */
  source: 'simulated' | 'live';
  deribit: DeribitHttpClient;
  polymarket?: PolymarketClient;
  currencies: readonly string[];
  kinds: readonly SnapshotKind[];
  /** Backfill from here (ms); default: continue after the newest row on disk. */
  since?: number;
  now?: () => number;
  /** Skip the catalog rebuild (the caller does it). */
  skipCatalog?: boolean;
  log?: (message: string) => void;
  beforeRename?: (tempPath: string) => void | Promise<void>;
}

export interface KindResult {
  kind: SnapshotKind;
  currency: string;
  fetched: number;
  added: number;
  window: Window | null;
}

/** How far back a first run (no rows on disk, no `since`) goes. */
export const BACKFILL_START: Readonly<Record<SnapshotKind, number | null>> = {
  chain: null,
  trades: null,
  ohlcv: Date.UTC(2018, 0, 1),
  dvol: Date.UTC(2021, 2, 1),
  polymarket: null,
};
const FIRST_WINDOW_MS = MS_PER_HOUR;

/**
 * @example
 * await runSnapshot({datasetsDir, source: 'live', deribit, polymarket, currencies: ['BTC'], kinds: ['trades']});
 */
export async function runSnapshot(o: SnapshotRunOptions): Promise<KindResult[]> {
  return withSnapshotLock(o.datasetsDir, async () => {
    const removed = await removeSnapshotLeftovers(o.datasetsDir);
    if (removed.length > 0)
      (o.log ?? (() => {}))(`removed ${removed.length} leftover temporary files`);
    return runLocked(o);
  });
}

async function runLocked(o: SnapshotRunOptions): Promise<KindResult[]> {
  const now = (o.now ?? Date.now)();
  const log = o.log ?? (() => {});
  const results: KindResult[] = [];
  for (const kind of o.kinds) {
    if (kind === 'polymarket' && !o.polymarket) throw new Error('polymarket: no client configured');
    const source =
      o.source === 'simulated' ? 'simulated' : kind === 'polymarket' ? 'polymarket' : 'deribit';
    for (const currency of o.currencies) {
      const window = kind === 'chain' ? null : await windowFor(o, source, kind, currency, now);
      let rows: SnapshotRow[];
      if (kind === 'chain') rows = await collectChain(o.deribit, currency);
      else if (kind === 'trades') rows = await collectTrades(o.deribit, currency, window!);
      else if (kind === 'ohlcv') rows = await collectOhlcv(o.deribit, currency, window!);
      else if (kind === 'dvol') rows = await collectDvol(o.deribit, currency, window!);
      else rows = await collectPolymarket(o.polymarket!, currency, window!);
      const { added } = await writeSnapshot({
        datasetsDir: o.datasetsDir,
        source,
        kind,
        rows,
        ...(o.beforeRename ? { beforeRename: o.beforeRename } : {}),
      });
      log(`${kind.padEnd(10)} ${currency.padEnd(5)} fetched ${rows.length}, added ${added}`);
      results.push({ kind, currency, fetched: rows.length, added, window });
    }
  }
  if (!o.skipCatalog) await rebuildCatalog(o.datasetsDir);
  return results;
}

async function windowFor(
  o: SnapshotRunOptions,
  source: string,
  kind: SnapshotKind,
  currency: string,
  now: number,
): Promise<Window> {
  if (o.since !== undefined) return { start: o.since, end: now };
  const last = await newestTimestamp(o.datasetsDir, source, KIND_SPECS[kind].dataset, currency);
  // Re-read the last instant: rows sharing it may have arrived after the previous run; the merge dedupes.
  const start = last ?? BACKFILL_START[kind] ?? now - FIRST_WINDOW_MS;
  return { start: Math.min(start, now), end: now };
}

/** The newest `timestamp` (ms) already on disk for a currency, or null. */
export async function newestTimestamp(
  datasetsDir: string,
  source: string,
  dataset: string,
  currency: string,
): Promise<number | null> {
  const dir = join(datasetsDir, `source=${source}`, `kind=${dataset}`, `currency=${currency}`);
  const dates = (await readdir(dir).catch(() => [] as string[]))
    .filter((d) => d.startsWith('date='))
    .sort();
  for (let i = dates.length - 1; i >= 0; i--) {
    const file = join(dir, dates[i]!, PART_FILE);
    const rows = await queryRows(
      `SELECT epoch_ms(max("timestamp")) AS t FROM read_parquet(${quoteLiteral(file)})`,
    ).catch(() => []);
    const t = rows[0]?.t;
    if (t !== null && t !== undefined) return Number(t);
  }
  return null;
}
