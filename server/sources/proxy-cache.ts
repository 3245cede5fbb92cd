/**
 * A small TTL cache for proxied upstream answers, coalescing concurrent identical requests into one upstream
 * call. Keys include the method and the sorted parameters. Memory is bounded by the answers' serialized size
 * (`maxBytes`, least recently used out first) and by `maxEntries`; expired answers are dropped on every miss,
 * not kept until they are pushed out.
 */
export interface ProxyCache {
  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
  /** Entries held (loading ones included). */
  readonly size: number;
  /** Sum of the held answers' sizes (`sizeOf`), loading ones count 0. */
  readonly bytes: number;
}

export interface ProxyCacheOptions {
  /** Upper bound on the held answers' total size (default 64 MiB). */
  maxBytes?: number;
  /** Upper bound on the number of entries, loading ones included (default 2,000). */
  maxEntries?: number;
  now?: () => number;
  /** An answer's size in bytes (default: its JSON text's length, what the route sends). */
  sizeOf?: (value: unknown) => number;
}

export const DEFAULT_PROXY_CACHE_BYTES = 64 * 1024 * 1024;

interface Entry {
  expiresAt: number;
  bytes: number;
  value: Promise<unknown>;
}

const jsonSize = (value: unknown): number => JSON.stringify(value)?.length ?? 0;

/**
 * @example
 * const cache = createProxyCache({ maxBytes: 16 * 1024 * 1024 });
 * await cache.get('ticker?instrument_name=BTC-PERPETUAL', 500, () => client.call('ticker', params));
 */
export function createProxyCache(options: ProxyCacheOptions = {}): ProxyCache {
  const maxBytes = options.maxBytes ?? DEFAULT_PROXY_CACHE_BYTES;
  const maxEntries = options.maxEntries ?? 2000;
  const now = options.now ?? Date.now;
  const sizeOf = options.sizeOf ?? jsonSize;
  // Insertion order is recency order: a hit moves its entry to the end.
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const remove = (key: string, entry: Entry) => {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };
  const dropExpired = (t: number) => {
    for (const [key, entry] of entries) if (entry.expiresAt <= t) remove(key, entry);
  };
  const evict = () => {
    for (const [key, entry] of entries) {
      if (bytes <= maxBytes && entries.size <= maxEntries) return;
      remove(key, entry);
    }
  };

  return {
    get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
      const t = now();
      const hit = entries.get(key);
      if (hit && t < hit.expiresAt) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value as Promise<T>;
      }
      if (hit) remove(key, hit);
      dropExpired(t);
      const value = load();
      const entry: Entry = { expiresAt: t + ttlMs, bytes: 0, value };
      entries.set(key, entry);
      value.then(
        (answer) => {
          if (entries.get(key) !== entry) return;
          entry.bytes = sizeOf(answer);
          bytes += entry.bytes;
          evict();
        },
        () => remove(key, entry),
      );
      evict();
      return value;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
