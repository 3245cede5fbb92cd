/**
 * Snapshot runs are exclusive per datasets folder (a lock file, also across processes: the in-server scheduler
 * and `npm run snapshot`), and each starts by repairing what a killed run left: temporary files and trees, and
 * a catalog that no longer matches the partitions on disk.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { reconcileCatalog } from '../datasets/catalog-check';
import { CATALOG_TEMP, datasetDirs } from '../datasets/catalog-writer';
import { withFileLock, type LockOptions } from '../util/file-lock';
import { MS_PER_HOUR } from '../../cells/time';

/** The lock file a snapshot run holds, in the datasets root. */
export const SNAPSHOT_LOCK = '.vollab-snapshot.lock';
/** A run waits this long for another process's run before failing (backfills take minutes). */
const WAIT_MS = MS_PER_HOUR;

/** Temporary names the writer and the catalog use. */
const TEMP_TREE = /^\.tmp-snapshot-/;
const TEMP_PART = /^\.part-.*\.tmp$/;

/**
 * Run `fn` holding the datasets folder's snapshot lock.
 *
 * @example
 * await withSnapshotLock('./datasets', () => runKinds());
 */
export async function withSnapshotLock<T>(
  datasetsDir: string,
  fn: () => Promise<T>,
  options: LockOptions = { timeoutMs: WAIT_MS },
): Promise<T> {
  await mkdir(datasetsDir, { recursive: true });
  return withFileLock(join(datasetsDir, SNAPSHOT_LOCK), fn, options);
}

/**
 * Remove a killed run's leftovers; only call it holding the snapshot lock. Returns the paths removed.
 *
 * @example
 * await withSnapshotLock(dir, () => removeSnapshotLeftovers(dir));
 */
export async function removeSnapshotLeftovers(datasetsDir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(datasetsDir).catch(() => [] as string[])) {
    if (TEMP_TREE.test(name) || CATALOG_TEMP.test(name)) {
      await rm(join(datasetsDir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  for (const dir of await datasetDirs(datasetsDir))
    removed.push(...(await removeParts(datasetsDir, dir)));
  return removed;
}

async function removeParts(root: string, dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) removed.push(...(await removeParts(root, path)));
    else if (TEMP_PART.test(entry.name)) {
      await rm(join(root, path), { force: true });
      removed.push(path);
    }
  }
  return removed;
}

/**
 * What a sidecar does on start: under the lock, remove leftovers and rebuild the catalog if it drifted.
 * `options.timeoutMs: 0` fails at once (LockHeldError) when a run holds the lock.
 *
 * @example
 * const { removed, rebuilt } = await recoverDatasets('./datasets');
 */
export async function recoverDatasets(
  datasetsDir: string,
  options?: LockOptions,
): Promise<{ removed: string[]; rebuilt: boolean }> {
  return withSnapshotLock(
    datasetsDir,
    async () => {
      const removed = await removeSnapshotLeftovers(datasetsDir);
      const { rebuilt } = await reconcileCatalog(datasetsDir);
      return { removed, rebuilt };
    },
    options,
  );
}
