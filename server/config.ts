/** The sidecar's configuration, read from the environment once at start. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATASET_SOURCES, type DatasetSource } from './datasets/catalog-types';

export interface VolLabConfig {
  datasetsDir: string;
  notebooksDir: string;
  webDistDir: string;
  /** Where produced files (dataset slices) are cached. */
  cacheDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Required when `host` is not loopback. */
  token?: string;
  maxBodyBytes: number;
  /** Upper bound on the slice cache's size on disk. */
  sliceCacheBytes: number;
  source: DatasetSource;
  version: string;
  /** Market-data upstreams (`DERIBIT_URL`, `POLYMARKET_GAMMA_URL`, `POLYMARKET_CLOB_URL`); the proxies mount when set. */
  deribitUrl?: string;
  polymarketGammaUrl?: string;
  polymarketClobUrl?: string;
}

export type Env = Record<string, string | undefined>;

const MIB = 1024 * 1024;

/**
 * Read and validate the configuration; relative paths resolve against `cwd`.
 * `PORT` (8787), `HOST` (127.0.0.1), `VOLLAB_DATA_DIR` (./datasets), `VOLLAB_NOTEBOOKS_DIR` (./notebooks),
 * `VOLLAB_WEB_DIST` (./web/dist), `VOLLAB_CACHE_DIR` (./.vollab/cache), `VOLLAB_SOURCE` (simulated),
 * `VOLLAB_TOKEN`, `VOLLAB_MAX_BODY_BYTES` (5 MiB), `VOLLAB_SLICE_CACHE_BYTES` (512 MiB).
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
  const source = env.VOLLAB_SOURCE ?? 'simulated';
  if (!(DATASET_SOURCES as readonly string[]).includes(source)) {
    throw new Error(`invalid VOLLAB_SOURCE: ${source} (expected ${DATASET_SOURCES.join(', ')})`);
  }
  return {
    datasetsDir: resolve(cwd, env.VOLLAB_DATA_DIR ?? './datasets'),
    notebooksDir: resolve(cwd, env.VOLLAB_NOTEBOOKS_DIR ?? './notebooks'),
    webDistDir: resolve(cwd, env.VOLLAB_WEB_DIST ?? './web/dist'),
    cacheDir: resolve(cwd, env.VOLLAB_CACHE_DIR ?? './.vollab/cache'),
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
    source: source as DatasetSource,
    ...(env.DERIBIT_URL ? { deribitUrl: env.DERIBIT_URL } : {}),
    ...(env.POLYMARKET_GAMMA_URL && env.POLYMARKET_CLOB_URL
      ? { polymarketGammaUrl: env.POLYMARKET_GAMMA_URL, polymarketClobUrl: env.POLYMARKET_CLOB_URL }
      : {}),
    version: packageVersion(),
  };
}

/** Whether a host name or address only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  return (
    host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
  );
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
