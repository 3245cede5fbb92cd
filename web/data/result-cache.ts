/**
 * Results of SQL cells kept across visits in the browser's Cache Storage, as Arrow IPC. Reopening a notebook
 * whose queries and datasets have not changed shows its tables without waiting for DuckDB-WASM to start.
 * The key covers the SQL, its parameters and the version of every dataset it reads, so a regenerated or
 * re-snapshotted dataset (a new catalog) or a different slice is a miss, and so is every entry after an upgrade
 * of the SQL engine.
 */
import { PACKAGE_VERSION as DUCKDB_WASM_VERSION } from '@duckdb/duckdb-wasm';

const CACHE_NAME = 'vollab-results-v1';
/** Entries kept; the oldest go first. */
const MAX_ENTRIES = 400;
/** Results larger than this are not kept (they are quick to recompute relative to their size). */
const MAX_BYTES = 32 * 1024 * 1024;

export interface ResultCacheKey {
  sql: string;
  params: readonly unknown[];
  /** One string per dataset read: its name, catalog version and the slice loaded for it. */
  datasets: readonly string[];
}

/** Parameters that serialize unambiguously; anything else (objects, arrays of Arrow values) is not cached. */
function isPlainParam(value: unknown): boolean {
  return (
    value === null ||
    ['string', 'number', 'boolean'].includes(typeof value) ||
    value instanceof Date
  );
}

export async function resultCacheKey(key: ResultCacheKey): Promise<string | null> {
  if (!key.params.every(isPlainParam)) return null;
  const text = JSON.stringify([DUCKDB_WASM_VERSION, key.sql, key.params, [...key.datasets].sort()]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return `/vollab-result/${hex}`;
}

export class ResultCache {
  /** Cache Storage exists only in secure contexts (loopback counts); elsewhere the cache is off. */
  static available(): boolean {
    return typeof caches !== 'undefined';
  }

  async get(key: string): Promise<Uint8Array | null> {
    const cache = await caches.open(CACHE_NAME);
    const response = await cache.match(key);
    return response ? new Uint8Array(await response.arrayBuffer()) : null;
  }

  async put(key: string, ipc: Uint8Array): Promise<void> {
    if (ipc.byteLength > MAX_BYTES) return;
    const cache = await caches.open(CACHE_NAME);
    const body = new Uint8Array(ipc); // a copy: the Response owns its buffer
    await cache.put(
      key,
      new Response(body, { headers: { 'content-type': 'application/vnd.apache.arrow.stream' } }),
    );
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES)))
      await cache.delete(old);
  }
}
