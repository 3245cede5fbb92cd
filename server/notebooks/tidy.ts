/**
 * Keeping a notebooks folder tidy: temp files left by a save that was killed mid-write are removed, and the
 * `.trash/` and `.conflicts/` folders keep only recent files (by age and by count), so a sidecar left running
 * for months does not fill the disk with superseded copies.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isErrno } from '../http/errors';
import { MS_PER_DAY } from '../../cells/time';

export interface Retention {
  /** Files older than this (by modification time) are removed. */
  maxAgeDays: number;
  /** At most this many files are kept, the newest. */
  maxFiles: number;
}

export const DEFAULT_RETENTION: Retention = { maxAgeDays: 30, maxFiles: 500 };

/** The temp-file name `atomicWrite` uses: `.<name>.<12 hex>.tmp`. */
export const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * Remove temp files anywhere under `root`. Only call this while no write can be in progress (the store holds
 * its save lock), or it would remove a save's file before the rename.
 *
 * @example
 * await removeTempFiles('./notebooks'); // ['.a.md.0123456789ab.tmp']
 */
export async function removeTempFiles(root: string, prefix = ''): Promise<string[]> {
  const removed: string[] = [];
  const entries = await readdir(join(root, prefix), { withFileTypes: true }).catch(
    (error: unknown) => {
      if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return [];
      throw error;
    },
  );
  for (const entry of entries) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory() && !entry.isSymbolicLink()) {
      removed.push(...(await removeTempFiles(root, path)));
    } else if (entry.isFile() && TEMP_FILE.test(entry.name)) {
      await rm(join(root, path), { force: true });
      removed.push(path);
    }
  }
  return removed;
}

/**
 * Apply `retention` to the files directly in `dir` (a missing folder is fine); returns the names removed.
 *
 * @example
 * await applyRetention('notebooks/.trash', { maxAgeDays: 30, maxFiles: 500 });
 */
export async function applyRetention(
  dir: string,
  retention: Retention,
  now: number = Date.now(),
): Promise<string[]> {
  const names = await readdir(dir).catch((error: unknown) => {
    if (isErrno(error, 'ENOENT')) return [] as string[];
    throw error;
  });
  const files = (
    await Promise.all(
      names.map(async (name) => {
        const info = await stat(join(dir, name)).catch(() => null);
        return info?.isFile() ? { name, modified: info.mtimeMs } : null;
      }),
    )
  ).filter((f) => f !== null);
  files.sort((a, b) => b.modified - a.modified || (a.name < b.name ? 1 : -1));
  const oldest = now - retention.maxAgeDays * MS_PER_DAY;
  const removed = files
    .filter((f, i) => i >= retention.maxFiles || f.modified < oldest)
    .map((f) => f.name);
  for (const name of removed) await rm(join(dir, name), { force: true });
  return removed;
}
