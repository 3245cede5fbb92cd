/** The sidecar's configuration, read from the environment once at start. */
import { randomBytes } from 'node:crypto';
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
  /**
   * The secret every route but `/api/health` requires: `VOLLAB_TOKEN`, or one generated per start (printed in
   * the URL `npm start` shows). `VOLLAB_TOKEN` is required when `host` is not loopback.
   */
  token: string;
  /** Whether `token` was generated at this start (so it must be shown to the user) or set by `VOLLAB_TOKEN`. */
  tokenGenerated: boolean;
  /**
   * Host names (no ports) the sidecar answers to: the loopback names, `host`, and `VOLLAB_ALLOWED_HOSTS`
   * (comma-separated). Any other `Host` header is refused, against DNS rebinding.
   */
  allowedHosts: string[];
  maxBodyBytes: number;
  /** Upper bound on the slice cache's size on disk. */
  sliceCacheBytes: number;
  /** Slices computed at once (`VOLLAB_SLICE_CONCURRENCY`); more wait in a queue of `sliceQueue`, then 503. */
  sliceConcurrency: number;
  sliceQueue: number;
  /** Upper bound on the proxies' cached answers, by their JSON size (`VOLLAB_PROXY_CACHE_BYTES`). */
  proxyCacheBytes: number;
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
  /**
   * How long deleted notebooks (`.trash/`) and rejected saves (`.conflicts/`) are kept: `VOLLAB_TRASH_DAYS`
   * (30) and at most `VOLLAB_TRASH_FILES` (500) files in each folder, the newest.
   */
  trashRetention: { maxAgeDays: number; maxFiles: number };
  /** The durable state database (`VOLLAB_STATE_DB`, default `vollab.duckdb` in the data directory). */
  stateDb: string;
  /** Slack-compatible webhook each volatility alert is also posted to (`VOLLAB_ALERT_WEBHOOK`), if set. */
  alertWebhook?: string;
}

export type Env = Record<string, string | undefined>;

const MIB = 1024 * 1024;

/**
 * Read and validate the configuration; relative paths resolve against `cwd`.
 * `PORT` (8787), `HOST` (127.0.0.1), `VOLLAB_DATA_DIR` (./datasets), `VOLLAB_NOTEBOOKS_DIR` (./notebooks),
 * `VOLLAB_WEB_DIST` (./web/dist), `VOLLAB_CACHE_DIR` (./.vollab/cache), `VOLLAB_MODELS_DIR` (`models/` beside
 * the cache folder, i.e. ./.vollab/models), `VOLLAB_SOURCE` (simulated),
 * `VOLLAB_TOKEN` (generated), `VOLLAB_ALLOWED_HOSTS` (none beyond loopback and HOST), `VOLLAB_MAX_BODY_BYTES` (5 MiB),
 * `VOLLAB_SLICE_CACHE_BYTES` (512 MiB), `VOLLAB_SLICE_CONCURRENCY` (2), `VOLLAB_SLICE_QUEUE` (8),
 * `VOLLAB_PROXY_CACHE_BYTES` (64 MiB); with
 * `VOLLAB_SOURCE=live`: `DERIBIT_URL`, `POLYMARKET_GAMMA_URL`, `POLYMARKET_CLOB_URL` (the real hosts);
 * `VOLLAB_SNAPSHOTS` (off), `VOLLAB_SNAPSHOT_CURRENCIES` (BTC,ETH), `VOLLAB_TRASH_DAYS` (30),
 * `VOLLAB_TRASH_FILES` (500), `VOLLAB_STATE_DB` (<data dir>/vollab.duckdb), `VOLLAB_ALERT_WEBHOOK` (none).
 *
 * @example
 * const config = loadConfig(process.env);
 * loadConfig({ HOST: '0.0.0.0' }); // throws: HOST 0.0.0.0 is not loopback: set VOLLAB_TOKEN …
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): VolLabConfig {
  const host = (env.HOST ?? '127.0.0.1').trim();
  if (host === '') throw new Error('invalid HOST: empty');
  const token = env.VOLLAB_TOKEN === '' ? undefined : env.VOLLAB_TOKEN;
  if (token !== undefined && (token.length < 16 || /[^\x21-\x7e]/.test(token))) {
    throw new Error('invalid VOLLAB_TOKEN: use at least 16 printable ASCII characters, no spaces');
  }
  if (!isLoopback(host) && token === undefined) {
    throw new Error(`HOST ${host} is not loopback: set VOLLAB_TOKEN to expose the sidecar`);
  }
  const allowedHosts = allowedHostNames(host, env.VOLLAB_ALLOWED_HOSTS);
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
  const datasetsDir = resolve(cwd, env.VOLLAB_DATA_DIR ?? './datasets');
  const stateDb = env.VOLLAB_STATE_DB?.trim();
  const alertWebhook = env.VOLLAB_ALERT_WEBHOOK?.trim();
  if (alertWebhook && !/^https?:\/\/./.test(alertWebhook))
    throw new Error(`invalid VOLLAB_ALERT_WEBHOOK: ${alertWebhook} (expected an http(s) URL)`);
  return {
    datasetsDir,
    stateDb: stateDb ? resolve(cwd, stateDb) : join(datasetsDir, 'vollab.duckdb'),
    ...(alertWebhook ? { alertWebhook } : {}),
    notebooksDir: resolve(cwd, env.VOLLAB_NOTEBOOKS_DIR ?? './notebooks'),
    webDistDir: resolve(cwd, env.VOLLAB_WEB_DIST ?? './web/dist'),
    cacheDir,
    modelsDir: modelsDir ? resolve(cwd, modelsDir) : join(dirname(cacheDir), 'models'),
    host,
    port: integer('PORT', env.PORT, 8787, 0, 65535),
    // 32 random bytes: 43 URL-safe characters, in the printed URL as `?token=…`.
    token: token ?? randomBytes(32).toString('base64url'),
    tokenGenerated: token === undefined,
    allowedHosts,
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
    sliceConcurrency: integer('VOLLAB_SLICE_CONCURRENCY', env.VOLLAB_SLICE_CONCURRENCY, 2, 1, 64),
    sliceQueue: integer('VOLLAB_SLICE_QUEUE', env.VOLLAB_SLICE_QUEUE, 8, 0, 10_000),
    proxyCacheBytes: integer(
      'VOLLAB_PROXY_CACHE_BYTES',
      env.VOLLAB_PROXY_CACHE_BYTES,
      64 * MIB,
      1,
      2 ** 40,
    ),
    source: source as MarketSource,
    simulatedExchange: source === 'simulated',
    ...urls,
    snapshotIntervals,
    snapshotCurrencies,
    trashRetention: {
      maxAgeDays: integer('VOLLAB_TRASH_DAYS', env.VOLLAB_TRASH_DAYS, 30, 1, 36_500),
      maxFiles: integer('VOLLAB_TRASH_FILES', env.VOLLAB_TRASH_FILES, 500, 1, 1_000_000),
    },
    version: packageVersion(),
  };
}

/** Whether a host name or address only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  return (
    host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/** Names a browser may put in `Host` for this sidecar: loopback, HOST unless a wildcard address, the extras. */
function allowedHostNames(host: string, extra: string | undefined): string[] {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  const wildcard = host === '0.0.0.0' || host === '::' || host === '[::]';
  if (!wildcard) names.add(normalizeHostName(host));
  for (const raw of (extra ?? '').split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    if (!/^([A-Za-z0-9.-]+|\[?[0-9a-fA-F:.]+\]?)$/.test(name))
      throw new Error(`invalid VOLLAB_ALLOWED_HOSTS: ${name} (expected host names without ports)`);
    names.add(normalizeHostName(name));
  }
  return [...names];
}

/** A host name as it appears in a URL: lower case, IPv6 in brackets. */
export function normalizeHostName(host: string): string {
  const lower = host.toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
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
