/** The sidecar's configuration, read from the environment once at start. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseIntervals, type SnapshotKind } from './snapshots/kinds';

/** Where market data comes from: the built-in simulated exchange, or the real public APIs. */
export const MARKET_SOURCES = ['simulated', 'live'] as const;
export type MarketSource = (typeof MARKET_SOURCES)[number];

/** The real public hosts `VOLLAB_SOURCE=live` talks to unless overridden. */
export const LIVE_URLS = {
  deribit: 'https://www.deribit.com',
  polymarketGamma: 'https://gamma-api.polymarket.com',
  polymarketClob: 'https://clob.polymarket.com',
} as const;

export interface VolLabConfig {
  datasetsDir: string;
  notebooksDir: string;
  webDistDir: string;
  /** Where produced files (dataset slices) are cached. */
  cacheDir: string;
  /** Where fitted models are saved, one JSON file each. */
  modelsDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Required when `host` is not loopback. */
  token?: string;
  maxBodyBytes: number;
  /** Upper bound on the slice cache's size on disk. */
  sliceCacheBytes: number;
  source: MarketSource;
  /**
   * Start the built-in simulated exchange with the server (true for `source: 'simulated'`); tests that need no
   * market data set it to false. When it runs, it supplies the three URLs below.
   */
  simulatedExchange: boolean;
  version: string;
  /** Market-data upstreams (`DERIBIT_URL`, `POLYMARKET_GAMMA_URL`, `POLYMARKET_CLOB_URL`); the proxies mount when set. */
  deribitUrl?: string;
  polymarketGammaUrl?: string;
  polymarketClobUrl?: string;
  /** In-server snapshot scheduler: seconds between runs per kind (`VOLLAB_SNAPSHOTS`); empty = off. */
  snapshotIntervals: Partial<Record<SnapshotKind, number>>;
  /** Currencies the scheduler snapshots (`VOLLAB_SNAPSHOT_CURRENCIES`, default BTC,ETH). */
  snapshotCurrencies: string[];
}

export type Env = Record<string, string | undefined>;

const MIB = 1024 * 1024;

/**
 * Read and validate the configuration; relative paths resolve against `cwd`.
 * `PORT` (8787), `HOST` (127.0.0.1), `VOLLAB_DATA_DIR` (./datasets), `VOLLAB_NOTEBOOKS_DIR` (./notebooks),
 * `VOLLAB_WEB_DIST` (./web/dist), `VOLLAB_CACHE_DIR` (./.vollab/cache), `VOLLAB_MODELS_DIR` (`models/` beside
 * the cache folder, i.e. ./.vollab/models), `VOLLAB_SOURCE` (simulated),
 * `VOLLAB_TOKEN`, `VOLLAB_MAX_BODY_BYTES` (5 MiB), `VOLLAB_SLICE_CACHE_BYTES` (512 MiB); with
 * `VOLLAB_SOURCE=live`: `DERIBIT_URL`, `POLYMARKET_GAMMA_URL`, `POLYMARKET_CLOB_URL` (the real hosts);
 * `VOLLAB_SNAPSHOTS` (off), `VOLLAB_SNAPSHOT_CURRENCIES` (BTC,ETH).
 *
 * @example
 * const config = loadConfig(process.env);
 * loadConfig({ HOST: '0.0.0.0' }); // throws: HOST 0.0.0.0 is not loopback: set VOLLAB_TOKEN …
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): VolLabConfig {
  const host = (env.HOST ?? '127.0.0.1').trim();
  if (host === '') throw new Error('invalid HOST: empty');
  const token = env.VOLLAB_TOKEN === '' ? undefined : env.VOLLAB_TOKEN;
  if (token !== undefined && token.length < 16) {
    throw new Error('invalid VOLLAB_TOKEN: use at least 16 characters');
  }
  if (!isLoopback(host) && token === undefined) {
    throw new Error(`HOST ${host} is not loopback: set VOLLAB_TOKEN to expose the sidecar`);
  }
  const source = (env.VOLLAB_SOURCE ?? 'simulated').trim() || 'simulated';
  if (!(MARKET_SOURCES as readonly string[]).includes(source)) {
    throw new Error(`invalid VOLLAB_SOURCE: ${source} (expected ${MARKET_SOURCES.join(', ')})`);
  }
  const urls = upstreamUrls(env, source as MarketSource);
  const snapshotIntervals = parseIntervals(env.VOLLAB_SNAPSHOTS);
  const snapshotCurrencies = (env.VOLLAB_SNAPSHOT_CURRENCIES ?? 'BTC,ETH')
    .split(',')
    .map((c) => c.trim().toUpperCase());
  for (const c of snapshotCurrencies)
    if (!/^[A-Z]{2,6}$/.test(c)) throw new Error(`invalid VOLLAB_SNAPSHOT_CURRENCIES: ${c}`);
  const cacheDir = resolve(cwd, env.VOLLAB_CACHE_DIR ?? './.vollab/cache');
  const modelsDir = env.VOLLAB_MODELS_DIR?.trim();
  return {
    datasetsDir: resolve(cwd, env.VOLLAB_DATA_DIR ?? './datasets'),
    notebooksDir: resolve(cwd, env.VOLLAB_NOTEBOOKS_DIR ?? './notebooks'),
    webDistDir: resolve(cwd, env.VOLLAB_WEB_DIST ?? './web/dist'),
    cacheDir,
    modelsDir: modelsDir ? resolve(cwd, modelsDir) : join(dirname(cacheDir), 'models'),
    host,
    port: integer('PORT', env.PORT, 8787, 0, 65535),
    ...(token === undefined ? {} : { token }),
    maxBodyBytes: integer(
      'VOLLAB_MAX_BODY_BYTES',
      env.VOLLAB_MAX_BODY_BYTES,
      5 * MIB,
      1,
      1024 * MIB,
    ),
    sliceCacheBytes: integer(
      'VOLLAB_SLICE_CACHE_BYTES',
      env.VOLLAB_SLICE_CACHE_BYTES,
      512 * MIB,
      1,
      2 ** 50,
    ),
    source: source as MarketSource,
    simulatedExchange: source === 'simulated',
    ...urls,
    snapshotIntervals,
    snapshotCurrencies,
    version: packageVersion(),
  };
}

/** Whether a host name or address only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  return (
    host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

const URL_VARS = [
  ['DERIBIT_URL', 'deribitUrl', LIVE_URLS.deribit],
  ['POLYMARKET_GAMMA_URL', 'polymarketGammaUrl', LIVE_URLS.polymarketGamma],
  ['POLYMARKET_CLOB_URL', 'polymarketClobUrl', LIVE_URLS.polymarketClob],
] as const;

/** Live: each URL from the environment or the real host. Simulated: the exchange supplies them, so none may be set. */
function upstreamUrls(
  env: Env,
  source: MarketSource,
): Partial<Pick<VolLabConfig, 'deribitUrl' | 'polymarketGammaUrl' | 'polymarketClobUrl'>> {
  const out: Record<string, string> = {};
  for (const [name, key, fallback] of URL_VARS) {
    const raw = env[name]?.trim();
    if (source === 'simulated') {
      if (raw)
        throw new Error(
          `${name} is only used with VOLLAB_SOURCE=live (the simulated exchange supplies it)`,
        );
      continue;
    }
    const value = (raw || fallback).replace(/\/+$/, '');
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`invalid ${name}: ${value} (expected an http(s) URL)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`invalid ${name}: ${value} (expected an http(s) URL)`);
    out[key] = value;
  }
  return out;
}

function integer(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`invalid ${name}: ${raw} (expected an integer in [${min}, ${max}])`);
  }
  return value;
}

function packageVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
