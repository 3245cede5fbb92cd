/**
 * The dataset catalog computed from the Parquet files on disk: each `source=…/kind=…` directory is one
 * dataset; partitions, row counts and bytes come from `parquet_metadata`, the schema from `read_parquet` with
 * hive partitioning, the time range from min/max of the time column. Written atomically.
 */
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { queryRows, quoteIdentifier, quoteLiteral } from '../db/duckdb';
import { renameDurably } from '../util/durable';
import { createKeyedQueue } from '../util/serial-queue';
import { BUNDLED_INFO } from './bundled-info';
import type { DatasetCatalog, DatasetEntry, DatasetSource } from '../contract/catalog';

const DATASET_SOURCES: readonly DatasetSource[] = ['simulated', 'deribit', 'polymarket'];

/**
 * @example
 * await writeCatalog('./datasets', await buildCatalog('./datasets'));
 */
export async function buildCatalog(datasetsDir: string): Promise<DatasetCatalog> {
  const datasets: DatasetEntry[] = [];
  for (const path of await datasetDirs(datasetsDir)) {
    const source = path.slice('source='.length, path.indexOf('/')) as DatasetSource;
    datasets.push(await describeDataset(datasetsDir, path, source));
  }
  datasets.sort((a, b) => a.name.localeCompare(b.name));
  return { version: 1, generatedAt: new Date().toISOString(), datasets };
}

/** The temporary name `writeCatalog` writes before the rename. */
export const CATALOG_TEMP = /^catalog\.json\.\d+\.tmp$/;

/**
 * Write `catalog.json` through a temporary file, fsynced, and a rename, so readers never see half a catalog and
 * a power cut leaves the old one or the new one.
 */
export async function writeCatalog(datasetsDir: string, catalog: DatasetCatalog): Promise<void> {
  const file = join(datasetsDir, 'catalog.json');
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(catalog, null, 2)}\n`);
  await renameDurably(temp, file);
}

const rebuilds = createKeyedQueue();

/**
 * Rebuild `catalog.json` from the files on disk, one rebuild at a time per folder in this process: a freeze and
 * a scheduled snapshot finishing together would otherwise share the temporary file, and an earlier listing could
 * land after a later one and drop the partition the later one saw.
 *
 * @example
 * await rebuildCatalog('./datasets'); // after writing a partition
 */
export function rebuildCatalog(datasetsDir: string): Promise<DatasetCatalog> {
  return rebuilds(resolve(datasetsDir), async () => {
    const catalog = await buildCatalog(datasetsDir);
    await writeCatalog(datasetsDir, catalog);
    return catalog;
  });
}

/** Every dataset directory (`source=…/kind=…`, relative to the root) of a known source. */
export async function datasetDirs(datasetsDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const sourceDir of await listDirs(datasetsDir, 'source=')) {
    const source = sourceDir.slice('source='.length) as DatasetSource;
    if (!DATASET_SOURCES.includes(source)) continue;
    for (const kindDir of await listDirs(join(datasetsDir, sourceDir), 'kind='))
      out.push(`${sourceDir}/${kindDir}`);
  }
  return out;
}

async function describeDataset(root: string, path: string, source: DatasetSource): Promise<DatasetEntry> {
  const name = path.slice(path.lastIndexOf('kind=') + 'kind='.length);
  const files = (await listParquet(join(root, path))).sort();
  if (files.length === 0) throw new Error(`no Parquet files in ${path}`);
  const list = `[${files.map(quoteLiteral).join(', ')}]`;
  const meta = await queryRows(
    `SELECT file_name, max(row_group_num_rows) AS rows_in_group, row_group_id FROM parquet_metadata(${list}) GROUP BY file_name, row_group_id`,
  );
  const rowsByFile = new Map<string, number>();
  for (const m of meta) rowsByFile.set(String(m.file_name), (rowsByFile.get(String(m.file_name)) ?? 0) + Number(m.rows_in_group));
  const partitions = await Promise.all(
    files.map(async (file) => {
      const rel = relative(root, file).split(sep).join('/');
      const keys = rel.slice(path.length + 1).split('/').slice(0, -1);
      const values: Record<string, string> = {};
      for (const part of rel.split('/').slice(0, -1)) {
        const eq = part.indexOf('=');
        if (eq > 0) values[part.slice(0, eq)] = part.slice(eq + 1);
      }
      return { path: rel, values, rows: rowsByFile.get(file) ?? 0, bytes: (await stat(file)).size, keys };
    }),
  );
  const partitionKeys = partitions[0]!.keys.map((k) => k.slice(0, k.indexOf('=')));
  const source_ = `read_parquet(${list}, hive_partitioning = true, union_by_name = true)`;
  const described = await queryRows(`DESCRIBE SELECT * FROM ${source_}`);
  const schema = described
    .map((c) => ({ name: String(c.column_name), type: String(c.column_type) }))
    .filter((c) => c.name !== 'source' && c.name !== 'kind');
  const info = BUNDLED_INFO[name];
  const timeColumn = info?.timeColumn ?? schema.find((c) => /^(TIMESTAMP|DATE)/.test(c.type))?.name ?? null;
  let timeRange: DatasetEntry['timeRange'] = null;
  if (timeColumn) {
    const col = quoteIdentifier(timeColumn);
    const [range] = await queryRows(`SELECT CAST(min(${col}) AS VARCHAR) AS lo, CAST(max(${col}) AS VARCHAR) AS hi FROM ${source_}`);
    if (range?.lo != null) timeRange = { start: isoOf(String(range.lo)), end: isoOf(String(range.hi)) };
  }
  return {
    name,
    title: info?.title ?? name,
    description: info?.description ?? '',
    source,
    simulated: source === 'simulated',
    path,
    partitionKeys,
    partitions: partitions.map(({ keys: _keys, ...p }) => p),
    schema,
    rows: partitions.reduce((n, p) => n + p.rows, 0),
    bytes: partitions.reduce((n, p) => n + p.bytes, 0),
    timeColumn,
    timeRange,
  };
}

/** DuckDB's `2024-01-01 08:00:00` → `2024-01-01T08:00:00Z`; dates stay dates. */
function isoOf(text: string): string {
  return text.includes(' ') ? `${text.replace(' ', 'T')}Z` : text;
}

async function listDirs(dir: string, prefix: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && e.name.startsWith(prefix)).map((e) => e.name);
}

/** The `.parquet` files under `dir`, recursively (absolute paths). */
export async function listParquet(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listParquet(path)));
    else if (entry.name.endsWith('.parquet')) out.push(path);
  }
  return out;
}
