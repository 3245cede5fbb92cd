/**
 * Whether `catalog.json` still describes the Parquet files on disk, and rebuilding it when not. A snapshot run
 * killed after renaming partitions into place but before writing the catalog leaves a catalog that lists fewer
 * rows than the files hold (or misses partitions); the file list and byte sizes catch that with one `stat` per
 * file, and the rebuild takes row counts from the Parquet metadata.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseCatalog } from './catalog-reader';
import { datasetDirs, listParquet, rebuildCatalog } from './catalog-writer';

/**
 * The partition files whose presence or size differs between the catalog and the disk (relative paths); empty
 * when they agree. A missing or unreadable catalog counts as disagreeing when there are files.
 *
 * @example
 * await catalogDrift('./datasets'); // ['source=deribit/kind=option_chain/currency=BTC/date=2026-01-05/part-0.parquet']
 */
export async function catalogDrift(datasetsDir: string): Promise<string[]> {
  const listed = new Map<string, number>();
  const text = await readFile(join(datasetsDir, 'catalog.json'), 'utf8').catch(() => null);
  try {
    if (text !== null)
      for (const entry of parseCatalog(text).datasets)
        for (const p of entry.partitions) listed.set(p.path, p.bytes);
  } catch {
    listed.clear(); // a broken catalog: every file drifts
  }
  const drift: string[] = [];
  for (const dir of await datasetDirs(datasetsDir)) {
    for (const file of await listParquet(join(datasetsDir, dir))) {
      const path = relative(datasetsDir, file).split(sep).join('/');
      const bytes = (await stat(file).catch(() => null))?.size;
      if (listed.get(path) !== bytes) drift.push(path);
      listed.delete(path);
    }
  }
  return [...drift, ...listed.keys()].sort();
}

/**
 * Rebuild `catalog.json` from disk when it disagrees with the files; returns whether it did.
 *
 * @example
 * const { rebuilt } = await reconcileCatalog('./datasets');
 */
export async function reconcileCatalog(datasetsDir: string): Promise<{ rebuilt: boolean }> {
  if ((await catalogDrift(datasetsDir)).length === 0) return { rebuilt: false };
  await rebuildCatalog(datasetsDir);
  return { rebuilt: true };
}
