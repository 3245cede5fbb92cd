/**
 * A directory of produced files keyed by a hash, bounded in total size (least recently used go first).
 * Concurrent requests for one key share one production; a file appears only once complete (temp + rename).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { isErrno } from './errors';

export interface FileCache {
  /** The cached file for `key`, produced by `produce(tmpPath)` on a miss. */
  get(key: string, produce: (tmpPath: string) => Promise<void>): Promise<string>;
}

/**
 * @example
 * const cache = createFileCache('.vollab/cache/slices', 512 * 2 ** 20, '.parquet');
 * const path = await cache.get(hash, (tmp) => execute(`COPY (…) TO ${quoteLiteral(tmp)} (FORMAT parquet)`));
 */
export function createFileCache(dir: string, maxBytes: number, extension = ''): FileCache {
  if (!(maxBytes > 0)) throw new Error(`invalid maxBytes: ${maxBytes}`);
  const inFlight = new Map<string, Promise<string>>();

  async function produceOnce(key: string, path: string, produce: (tmp: string) => Promise<void>) {
    await mkdir(dir, { recursive: true });
    const tmp = join(dir, `.${key}.${randomBytes(6).toString('hex')}.tmp${extension}`);
    try {
      await produce(tmp);
      await rename(tmp, path);
    } finally {
      await rm(tmp, { force: true });
    }
    await evict(dir, maxBytes, path);
    return path;
  }

  return {
    async get(key, produce) {
      if (!/^[\w-]+$/.test(key)) throw new Error(`invalid cache key: ${key}`);
      const path = join(dir, key + extension);
      const now = new Date();
      try {
        await utimes(path, now, now); // a hit: mark recently used
        return path;
      } catch (error) {
        if (!isErrno(error, 'ENOENT')) throw error;
      }
      let pending = inFlight.get(key);
      if (!pending) {
        pending = produceOnce(key, path, produce).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
  };
}

async function evict(dir: string, maxBytes: number, keep: string): Promise<void> {
  const names = (await readdir(dir)).filter((name) => !name.startsWith('.'));
  const files = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      return { path, size: info?.size ?? 0, used: info?.mtimeMs ?? 0 };
    }),
  );
  let total = files.reduce((sum, f) => sum + f.size, 0);
  files.sort((a, b) => a.used - b.used);
  for (const file of files) {
    if (total <= maxBytes) break;
    if (file.path === keep) continue;
    await rm(file.path, { force: true });
    total -= file.size;
  }
}
