/**
 * Reads `datasets/catalog.json`, re-reading it only when its mtime or size changed, so a snapshot written
 * while the server runs shows up on the next request. The state tables' datasets (`fills`, `alerts`, …) are
 * described apart, in `source=state/catalog.json` (written only by the sidecar's state export, so it never
 * races the snapshotter's catalog), and merged in.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { httpError, isErrno } from '../http/errors';
import type { DatasetCatalog, DatasetEntry } from '../contract/catalog';

export interface CatalogReader {
  read(): Promise<DatasetCatalog>;
  /** One entry by name, or undefined. */
  find(name: string): Promise<DatasetEntry | undefined>;
}

const EMPTY: DatasetCatalog = { version: 1, generatedAt: '', datasets: [] };

/** The state datasets' catalog, relative to the datasets root (see `server/state/datasets.ts`). */
export const STATE_CATALOG = 'source=state/catalog.json';

/**
 * @example
 * const catalog = createCatalogReader('./datasets');
 * const entry = await catalog.find('ohlcv_daily');
 */
export function createCatalogReader(datasetsDir: string): CatalogReader {
  const main = cachedCatalogFile(join(datasetsDir, 'catalog.json'));
  const state = cachedCatalogFile(join(datasetsDir, STATE_CATALOG));
  let merged: { parts: [DatasetCatalog, DatasetCatalog]; catalog: DatasetCatalog } | null = null;

  async function read(): Promise<DatasetCatalog> {
    const parts: [DatasetCatalog, DatasetCatalog] = await Promise.all([main(), state()]);
    if (parts[1].datasets.length === 0) return parts[0];
    if (merged?.parts[0] === parts[0] && merged.parts[1] === parts[1]) return merged.catalog;
    // A name in the main catalog wins: a snapshot dataset is never shadowed by a state table.
    const names = new Set(parts[0].datasets.map((d) => d.name));
    const datasets = [...parts[0].datasets, ...parts[1].datasets.filter((d) => !names.has(d.name))];
    datasets.sort((a, b) => a.name.localeCompare(b.name));
    merged = { parts, catalog: { ...parts[0], datasets } };
    return merged.catalog;
  }

  return {
    read,
    async find(name) {
      return (await read()).datasets.find((d) => d.name === name);
    },
  };
}

/** A catalog file, re-parsed only when its mtime or size changed; a missing file is an empty catalog. */
function cachedCatalogFile(file: string): () => Promise<DatasetCatalog> {
  let cached: { key: string; catalog: DatasetCatalog } | null = null;
  return async () => {
    let key: string;
    try {
      const info = await stat(file);
      key = `${info.mtimeMs}:${info.size}`;
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return EMPTY;
      throw error;
    }
    if (cached?.key === key) return cached.catalog;
    const catalog = parseCatalog(await readFile(file, 'utf8'));
    cached = { key, catalog };
    return catalog;
  };
}

/** Parse and check the shape of catalog.json (a broken catalog is a clear 500, not a crash later). */
export function parseCatalog(text: string): DatasetCatalog {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw httpError(500, 'invalid catalog.json: malformed JSON', {}, error);
  }
  const catalog = value as DatasetCatalog;
  if (catalog?.version !== 1 || !Array.isArray(catalog.datasets)) {
    throw httpError(500, 'invalid catalog.json: expected {version: 1, datasets: [...]}');
  }
  for (const entry of catalog.datasets) {
    const ok =
      typeof entry?.name === 'string' &&
      Array.isArray(entry.partitions) &&
      Array.isArray(entry.schema) &&
      Array.isArray(entry.partitionKeys);
    if (!ok) throw httpError(500, `invalid catalog.json: bad entry ${JSON.stringify(entry?.name)}`);
  }
  return catalog;
}
