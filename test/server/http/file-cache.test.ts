import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileCache } from '../../../server/http/file-cache';

describe('createFileCache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vollab-cache-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('produces a file once, even for concurrent requests, then serves it from disk', async () => {
    const cache = createFileCache(dir, 1000, '.txt');
    let calls = 0;
    const produce = async (tmp: string) => {
      calls++;
      await writeFile(tmp, 'hello');
    };
    const [a, b] = await Promise.all([cache.get('k1', produce), cache.get('k1', produce)]);
    expect(a).toBe(b);
    expect(await readFile(a, 'utf8')).toBe('hello');
    await cache.get('k1', produce);
    expect(calls).toBe(1);
  });

  it('evicts least recently used files beyond the size bound', async () => {
    const cache = createFileCache(dir, 25, '.bin');
    const ten = (tmp: string) => writeFile(tmp, 'x'.repeat(10));
    await cache.get('a', ten);
    await new Promise((r) => setTimeout(r, 15));
    await cache.get('b', ten);
    await new Promise((r) => setTimeout(r, 15));
    await cache.get('a', ten); // touch a: b is now the oldest
    await new Promise((r) => setTimeout(r, 15));
    await cache.get('c', ten);
    expect((await readdir(dir)).sort()).toEqual(['a.bin', 'c.bin']);
  });

  it('leaves nothing behind when production fails, and rejects odd keys', async () => {
    const cache = createFileCache(dir, 100);
    await expect(cache.get('bad', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await readdir(dir)).toEqual([]);
    await expect(cache.get('../x', async () => undefined)).rejects.toThrow('invalid cache key');
  });
});
