/**
 * A small TTL cache for proxied upstream answers, coalescing concurrent identical requests into one upstream
 * call. Keys include the method and the sorted parameters.
 */
export interface ProxyCache {
  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
  readonly size: number;
}

/** @example const cache = createProxyCache(1000); await cache.get('ticker?x', 1000, load); */
export function createProxyCache(maxEntries = 2000, now: () => number = Date.now): ProxyCache {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  return {
    get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.value as Promise<T>;
      const value = load();
      entries.set(key, { at: now(), value });
      value.catch(() => entries.delete(key));
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
