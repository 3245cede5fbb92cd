/**
 * The bundled simulated datasets: simulate the market 2016–2025, write every table as hive-partitioned Parquet
 * into a temporary directory, swap it in as `source=simulated`, then rebuild the catalog. A stamp inside the
 * simulated tree records the generator version and seed, so a start only regenerates when they change.
 */
import { mkdir, readFile, rename, rm, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simulateHistory } from '../simulator/history';
import { buildCatalog, writeCatalog } from './catalog-writer';
import type { DatasetCatalog } from '../contract/catalog';
import type { TableContext } from './tables/context';
import { writeDvol } from './tables/dvol';
import { writeOhlcv } from './tables/ohlcv';
import { writeOptionChain } from './tables/option-chain';
import { writeRegimes } from './tables/regimes';

/** Bump when the model or the layout changes: existing bundled data is then regenerated on start. */
export const GENERATOR_VERSION = 3;
export const DEFAULT_SEED = 42;
export const HISTORY_START = Date.UTC(2016, 0, 1);
export const HISTORY_END = Date.UTC(2026, 0, 1);
export const RECENT_START = Date.UTC(2024, 0, 1);

const SIMULATED = 'source=simulated';
const STAMP = 'stamp.json';
export const FINAL_STATE = 'final-state.json';

export interface GenerateOptions {
  datasetsDir: string;
  seed?: number;
  log?: (message: string) => void;
  /** Overrides for reduced runs in tests (ms, whole days); default 2016-01-01 … 2026-01-01 and 2024-01-01. */
  start?: number;
  end?: number;
  recentStart?: number;
  signal?: AbortSignal;
}

/**
 * @example
 * const catalog = await generateBundledDatasets({datasetsDir: './datasets', log: console.log});
 */
export async function generateBundledDatasets(options: GenerateOptions): Promise<DatasetCatalog> {
  const { datasetsDir, seed = DEFAULT_SEED, log = () => {} } = options;
  if (!Number.isInteger(seed) || seed < 0) throw new RangeError(`invalid seed: ${seed}`);
  const start = options.start ?? HISTORY_START;
  const end = options.end ?? HISTORY_END;
  await mkdir(datasetsDir, { recursive: true });
  await removeLeftovers(datasetsDir);
  const t0 = performance.now();
  const temp = join(datasetsDir, `.tmp-simulated-${process.pid}-${Date.now()}`);
  const seconds = () => ((performance.now() - t0) / 1000).toFixed(2);
  try {
    const history = simulateHistory(start / 1000, end / 1000, seed, options.signal ? { signal: options.signal } : {});
    log(`simulated 2016–2025 hourly    ${seconds()} s`);
    const ctx: TableContext = { root: temp, history, seed, recentStart: options.recentStart ?? RECENT_START };
    // Each writer computes in JS, then DuckDB writes on its own threads while the next writer computes.
    const writers: [string, (c: TableContext) => Promise<void>][] = [
      ['ohlcv_daily, ohlcv_hourly', writeOhlcv],
      ['dvol_daily, dvol_hourly', writeDvol],
      ['regime_labels, jump_events', writeRegimes],
      ['option_chain', writeOptionChain],
    ];
    await Promise.all(
      writers.map(async ([name, write]) => {
        await write(ctx);
        log(`${name.padEnd(29)} ${seconds()} s`);
      }),
    );
    await writeFile(join(temp, SIMULATED, STAMP), JSON.stringify(stampOf(seed, options)));
    // Where the simulated exchange continues the market in real time (a MarketState at `end`).
    await writeFile(join(temp, SIMULATED, FINAL_STATE), JSON.stringify(history.finalState));
    const target = join(datasetsDir, SIMULATED);
    const old = join(datasetsDir, `.old-simulated-${process.pid}-${Date.now()}`);
    await rename(target, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(join(temp, SIMULATED), target);
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  const catalog = await buildCatalog(datasetsDir);
  await writeCatalog(datasetsDir, catalog);
  log(`${'catalog'.padEnd(29)} ${seconds()} s`);
  return catalog;
}

/**
 * Generate unless the catalog exists and the simulated tree's stamp matches this generator, seed and range.
 *
 * @example
 * const { generated } = await ensureBundledDatasets('./datasets', {log: console.log});
 */
export async function ensureBundledDatasets(
  datasetsDir: string,
  options: Omit<GenerateOptions, 'datasetsDir'> = {},
): Promise<{ generated: boolean }> {
  const seed = options.seed ?? DEFAULT_SEED;
  const expected = JSON.stringify(stampOf(seed, options));
  const [stamp, catalog] = await Promise.all([
    readFile(join(datasetsDir, SIMULATED, STAMP), 'utf8').catch(() => null),
    readFile(join(datasetsDir, 'catalog.json'), 'utf8').catch(() => null),
  ]);
  if (stamp === expected && catalog !== null && catalog.includes(`"${SIMULATED}/`)) return { generated: false };
  options.log?.(
    `Generating the bundled simulated datasets in ${datasetsDir} (${stamp === null ? 'first start' : 'generator changed'}, a few seconds)…`,
  );
  await generateBundledDatasets({ ...options, datasetsDir, seed });
  return { generated: true };
}

/** What the bundled data depends on: a different stamp means regenerate. */
function stampOf(seed: number, range: Pick<GenerateOptions, 'start' | 'end' | 'recentStart'>): Record<string, number> {
  return {
    generatorVersion: GENERATOR_VERSION,
    seed,
    start: range.start ?? HISTORY_START,
    end: range.end ?? HISTORY_END,
    recentStart: range.recentStart ?? RECENT_START,
  };
}

/** Temporary and superseded trees of an interrupted run. */
async function removeLeftovers(datasetsDir: string): Promise<void> {
  for (const entry of await readdir(datasetsDir)) {
    if (entry.startsWith('.tmp-simulated-') || entry.startsWith('.old-simulated-'))
      await rm(join(datasetsDir, entry), { recursive: true, force: true });
  }
}
