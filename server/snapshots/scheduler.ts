/**
 * The in-server snapshot scheduler: each configured kind runs every `snapshotIntervals[kind]` seconds (first
 * run after `initialDelayMs`), all runs through one queue so partitions and the catalog have one writer, and a
 * kind whose previous run is still queued is skipped rather than piled up. Off unless `VOLLAB_SNAPSHOTS` is set.
 */
import type { VolLabConfig } from '../config';
import { createDeribitHttpClient, type DeribitHttpClient } from '../sources/deribit/http-client';
import { createPolymarketClient, type PolymarketClient } from '../sources/polymarket/client';
import type { SnapshotKind } from './kinds';
import { runSnapshot, type KindResult } from './run';

export interface SnapshotScheduler {
  /** Stop the timers (a run in progress finishes). */
  stop(): void;
  /** Resolves when no run is queued or in progress. */
  idle(): Promise<void>;
  readonly runs: number;
  readonly failures: number;
}

export interface SchedulerDeps {
  deribit?: DeribitHttpClient;
  polymarket?: PolymarketClient;
  initialDelayMs?: number;
  /** The clock snapshot windows end at (default `Date.now`). */
  now?: () => number;
  log?: (message: string) => void;
  onRun?: (kind: SnapshotKind, results: KindResult[] | Error) => void;
}

type SchedulerConfig = Pick<
  VolLabConfig,
  | 'datasetsDir'
  | 'source'
  | 'snapshotIntervals'
  | 'snapshotCurrencies'
  | 'deribitUrl'
  | 'polymarketGammaUrl'
  | 'polymarketClobUrl'
>;

/**
 * @example
 * const scheduler = startSnapshotScheduler({...config, snapshotIntervals: {trades: 60}});
 * scheduler.stop(); await scheduler.idle();
 */
export function startSnapshotScheduler(
  config: SchedulerConfig,
  deps: SchedulerDeps = {},
): SnapshotScheduler {
  const log = deps.log ?? ((m: string) => console.log(`snapshot: ${m}`));
  const deribit =
    deps.deribit ??
    (config.deribitUrl ? createDeribitHttpClient({ baseUrl: config.deribitUrl }) : null);
  const polymarket =
    deps.polymarket ??
    (config.polymarketGammaUrl && config.polymarketClobUrl
      ? createPolymarketClient({
          gammaUrl: config.polymarketGammaUrl,
          clobUrl: config.polymarketClobUrl,
        })
      : undefined);
  const timers: ReturnType<typeof setTimeout>[] = [];
  const queued = new Set<SnapshotKind>();
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;
  let runs = 0;
  let failures = 0;

  const enqueue = (kind: SnapshotKind) => {
    if (stopped || queued.has(kind) || !deribit) return;
    queued.add(kind);
    queue = queue.then(async () => {
      try {
        if (stopped) return;
        const results = await runSnapshot({
          datasetsDir: config.datasetsDir,
          source: config.source,
          deribit,
          ...(polymarket ? { polymarket } : {}),
          currencies: config.snapshotCurrencies,
          kinds: [kind],
          ...(deps.now ? { now: deps.now } : {}),
          log: () => {},
        });
        runs++;
        deps.onRun?.(kind, results);
      } catch (error) {
        failures++;
        const e = error instanceof Error ? error : new Error(String(error));
        log(`${kind} failed: ${e.message}`);
        deps.onRun?.(kind, e);
      } finally {
        queued.delete(kind);
      }
    });
  };

  for (const [kind, seconds] of Object.entries(config.snapshotIntervals) as [
    SnapshotKind,
    number,
  ][]) {
    const first = setTimeout(() => {
      enqueue(kind);
      timers.push(setInterval(() => enqueue(kind), seconds * 1000));
    }, deps.initialDelayMs ?? 5_000);
    timers.push(first);
  }
  return {
    stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
    },
    idle: async () => {
      let seen: Promise<void>;
      do {
        seen = queue;
        await seen;
      } while (seen !== queue);
    },
    get runs() {
      return runs;
    },
    get failures() {
      return failures;
    },
  };
}
