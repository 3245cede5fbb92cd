/**
 * A directory of produced files keyed by a hash, bounded in total size (least recently used go first).
 * Concurrent requests for one key share one production; a file appears only once complete (temp + rename).
 *
 * A hit hands out an open file descriptor, not a path: eviction may unlink the file the moment another
 * request finishes, and on Linux an unlinked file stays readable through a descriptor opened before, so a
 * response being sent is never cut short. A key is pinned from the start of `get` until its descriptor is
 * open, and eviction skips pinned keys, so a file just produced for waiting requests is not removed before
 * they open it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, utimes, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { isErrno } from './errors';

export interface FileCache {
  /**
   * The cached file for `key`, produced by `produce(tmpPath)` on a miss, opened for reading. The caller owns
   * the handle and must close it (a stream from `handle.createReadStream()` closes it when done).
   */
  get(key: string, produce: (tmpPath: string) => Promise<void>): Promise<FileHandle>;
}

/**
 * @example
 * const cache = createFileCache('.vollab/cache/slices', 512 * 2 ** 20, '.parquet');
 * const handle = await cache.get(hash, (tmp) => execute(`COPY (…) TO ${quoteLiteral(tmp)} (FORMAT parquet)`));
 */
export function createFileCache(dir: string, maxBytes: number, extension = ''): FileCache {
  if (!(maxBytes > 0)) throw new Error(`invalid maxBytes: ${maxBytes}`);
  const inFlight = new Map<string, Promise<void>>();
  /** Requests per file name between the start of `get` and their descriptor being open. */
  const pinned = new Map<string, number>();

  async function produceOnce(key: string, path: string, produce: (tmp: string) => Promise<void>) {
    await mkdir(dir, { recursive: true });
    const tmp = join(dir, `.${key}.${randomBytes(6).toString('hex')}.tmp${extension}`);
    try {
      await produce(tmp);
      await rename(tmp, path);
    } finally {
      await rm(tmp, { force: true });
    }
    await evict(dir, maxBytes, (name) => pinned.has(name));
  }

  async function openHit(path: string): Promise<FileHandle | null> {
    try {
      const handle = await open(path, 'r');
      const now = new Date();
      await utimes(path, now, now).catch(() => undefined); // mark recently used (it may be evicted already)
      return handle;
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return null;
      throw error;
    }
  }

  return {
    async get(key, produce) {
      if (!/^[\w-]+$/.test(key)) throw new Error(`invalid cache key: ${key}`);
      const name = key + extension;
      const path = join(dir, name);
      pinned.set(name, (pinned.get(name) ?? 0) + 1);
      try {
        // A hit can lose a race with an eviction that had already chosen the file: produce it again.
        for (let attempt = 0; attempt < 3; attempt++) {
          const handle = await openHit(path);
          if (handle) return handle;
          let pending = inFlight.get(key);
          if (!pending) {
            pending = produceOnce(key, path, produce).finally(() => inFlight.delete(key));
            inFlight.set(key, pending);
          }
          await pending;
        }
        throw new Error(`cache file vanished while pinned: ${key}`);
      } finally {
        const count = pinned.get(name)! - 1;
        if (count === 0) pinned.delete(name);
        else pinned.set(name, count);
      }
    },
  };
}

async function evict(dir: string, maxBytes: number, isPinned: (name: string) => boolean) {
  const names = (await readdir(dir)).filter((name) => !name.startsWith('.'));
  const files = await Promise.all(
    names.map(async (name) => {
      const info = await stat(join(dir, name)).catch(() => null);
      return { name, size: info?.size ?? 0, used: info?.mtimeMs ?? 0 };
    }),
  );
  let total = files.reduce((sum, f) => sum + f.size, 0);
  files.sort((a, b) => a.used - b.used);
  for (const file of files) {
    if (total <= maxBytes) break;
    // Checked right before the unlink: a request that pins the file later opens it first or produces it anew.
    if (isPinned(file.name)) continue;
    await rm(join(dir, file.name), { force: true });
    total -= file.size;
  }
}
