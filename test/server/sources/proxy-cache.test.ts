import { describe, expect, it } from 'vitest';
import { createProxyCache } from '../../../server/sources/proxy-cache';

/** A manual clock and a loader that answers `size` bytes of JSON (a string of `size - 2` characters). */
function setup(maxBytes: number, maxEntries = 2000) {
  let t = 0;
  const cache = createProxyCache({ maxBytes, maxEntries, now: () => t });
  const loads: string[] = [];
  const get = (key: string, size: number, ttlMs = 1000) =>
    cache.get(key, ttlMs, async () => {
      loads.push(key);
      return 'x'.repeat(size - 2);
    });
  return { cache, loads, get, advance: (ms: number) => (t += ms) };
}

describe('createProxyCache', () => {
  it('serves a fresh answer from the cache and reloads it once expired', async () => {
    const { get, loads, advance } = setup(1000);
    await get('a', 10);
    await get('a', 10);
    expect(loads).toEqual(['a']);
    advance(1000);
    await get('a', 10);
    expect(loads).toEqual(['a', 'a']);
  });

  it('coalesces concurrent identical requests into one load', async () => {
    const { get, loads } = setup(1000);
    const [x, y] = await Promise.all([get('a', 10), get('a', 10)]);
    expect(x).toBe(y);
    expect(loads).toEqual(['a']);
  });

  it('counts answers by their JSON size and stays under maxBytes, least recently used out first', async () => {
    const { cache, get, loads } = setup(250);
    await get('a', 100);
    await get('b', 100);
    expect(cache.bytes).toBe(200);
    await get('a', 100); // a hit: `a` is now the most recent
    await get('c', 100); // 300 > 250: `b` goes
    expect(cache.bytes).toBe(200);
    expect(cache.size).toBe(2);
    await get('a', 100);
    await get('c', 100);
    expect(loads).toEqual(['a', 'b', 'c']);
    await get('b', 100);
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
  });

  it('drops expired entries on the next miss, whatever the byte budget', async () => {
    const { cache, get, advance } = setup(1e9);
    for (let i = 0; i < 50; i++) await get(`k${i}`, 1000, 100);
    expect(cache.size).toBe(50);
    expect(cache.bytes).toBe(50_000);
    advance(100);
    await get('fresh', 10, 100);
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(10);
  });

  it('passes an answer larger than the budget through without keeping it', async () => {
    const { cache, get } = setup(100);
    expect(await get('big', 500)).toHaveLength(498);
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it('forgets failed loads so the next request retries', async () => {
    const cache = createProxyCache({ maxBytes: 1000, now: () => 0 });
    await expect(cache.get('a', 1000, () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(cache.size).toBe(0);
    expect(await cache.get('a', 1000, async () => 1)).toBe(1);
  });

  it('still bounds the number of entries', async () => {
    const { cache, get } = setup(1e9, 3);
    for (const k of ['a', 'b', 'c', 'd']) await get(k, 10);
    expect(cache.size).toBe(3);
    expect(cache.bytes).toBe(30);
  });
});
