/**
 * Reads `datasets/catalog.json`, re-reading it only when its mtime or size changed, so a snapshot written
 * while the server runs shows up on the next request.
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

/**
 * @example
 * const catalog = createCatalogReader('./datasets');
 * const entry = await catalog.find('ohlcv_daily');
 */
export function createCatalogReader(datasetsDir: string): CatalogReader {
  const file = join(datasetsDir, 'catalog.json');
  let cached: { key: string; catalog: DatasetCatalog } | null = null;

  async function read(): Promise<DatasetCatalog> {
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
  }

  return {
    read,
    async find(name) {
      return (await read()).datasets.find((d) => d.name === name);
    },
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
