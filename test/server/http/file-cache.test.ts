import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileCache } from '../../../server/http/file-cache';
import { useTempDir } from '../temp-dir';

describe('createFileCache', () => {
  const dir = useTempDir('vollab-cache-');

  it('produces a file once, even for concurrent requests, then serves it from disk', async () => {
    const cache = createFileCache(dir(), 1000, '.txt');
    let calls = 0;
    const produce = async (tmp: string) => {
      calls++;
      await writeFile(tmp, 'hello');
    };
    const [a, b] = await Promise.all([cache.get('k1', produce), cache.get('k1', produce)]);
    expect(await a.readFile('utf8')).toBe('hello');
    expect(await b.readFile('utf8')).toBe('hello');
    await Promise.all([a.close(), b.close()]);
    await (await cache.get('k1', produce)).close();
    expect(calls).toBe(1);
    expect(await readFile(join(dir(), 'k1.txt'), 'utf8')).toBe('hello');
  });

  it('evicts least recently used files beyond the size bound', async () => {
    const cache = createFileCache(dir(), 25, '.bin');
    const ten = (tmp: string) => writeFile(tmp, 'x'.repeat(10));
    const get = async (key: string) => (await cache.get(key, ten)).close();
    await get('a');
    await new Promise((r) => setTimeout(r, 15));
    await get('b');
    await new Promise((r) => setTimeout(r, 15));
    await get('a'); // touch a: b is now the oldest
    await new Promise((r) => setTimeout(r, 15));
    await get('c');
    expect((await readdir(dir())).sort()).toEqual(['a.bin', 'c.bin']);
  });

  it('keeps a handed-out file whole when eviction removes it, and re-produces it on the next get', async () => {
    const cache = createFileCache(dir(), 15, '.bin');
    const calls: string[] = [];
    const fill = (key: string) => async (tmp: string) => {
      calls.push(key);
      await writeFile(tmp, key.repeat(10));
    };
    const a = await cache.get('a', fill('a'));
    const b = await cache.get('b', fill('b')); // 20 bytes > 15: evicts a while `a` is still open
    expect(await readdir(dir())).toEqual(['b.bin']);
    expect(await a.readFile('utf8')).toBe('a'.repeat(10));
    await Promise.all([a.close(), b.close()]);
    await (await cache.get('a', fill('a'))).close();
    expect(calls).toEqual(['a', 'b', 'a']);
  });

  it('does not evict a file between its production and the waiting requests opening it', async () => {
    const cache = createFileCache(dir(), 15, '.bin');
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const slow = async (tmp: string) => {
      await gate;
      await writeFile(tmp, 's'.repeat(10));
    };
    const waiting = [cache.get('s', slow), cache.get('s', slow), cache.get('s', slow)];
    const other = cache.get('o', (tmp) => writeFile(tmp, 'o'.repeat(10)));
    release();
    const handles = await Promise.all([...waiting, other]);
    const texts = await Promise.all(handles.map((h) => h.readFile('utf8')));
    await Promise.all(handles.map((h) => h.close()));
    expect(texts).toEqual(['s'.repeat(10), 's'.repeat(10), 's'.repeat(10), 'o'.repeat(10)]);
  });

  it('leaves nothing behind when production fails, and rejects odd keys', async () => {
    const cache = createFileCache(dir(), 100);
    await expect(cache.get('bad', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await readdir(dir())).toEqual([]);
    await expect(cache.get('../x', async () => undefined)).rejects.toThrow('invalid cache key');
  });
});
