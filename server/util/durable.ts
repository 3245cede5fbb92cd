/**
 * Making a finished file survive a power cut: fsync its data before the rename that publishes it, and fsync
 * the folder after, so the new name is on disk too. Without the first, a crash can leave the new name on a
 * file with no data; without the second, the rename itself can be lost.
 */
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Flush a file's data written through any descriptor (DuckDB's COPY, another handle) to disk. */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flush a folder's entries (names created, renamed or removed in it). */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  await handle?.sync().catch(() => undefined); // not supported everywhere; the rename is still atomic
  await handle?.close();
}

/**
 * Publish a complete temporary file under its final name: fsync, rename, fsync the folder(s).
 *
 * @example
 * await renameDurably(join(dir, '.part-1.tmp'), join(dir, 'part-0.parquet'));
 */
export async function renameDurably(from: string, to: string): Promise<void> {
  await syncFile(from);
  await rename(from, to);
  await syncDir(dirname(to));
  if (dirname(from) !== dirname(to)) await syncDir(dirname(from));
}
