/**
 * The files of the state datasets: each dataset copied inside the export's snapshot to a temporary Parquet file
 * and described for the catalog (schema, rows, time range), the state catalog written through a temporary
 * file and a durable rename, and what a killed export left removed. The caller renames the staged files.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DatasetCatalog, DatasetEntry } from '../contract/catalog';
import { STATE_CATALOG } from '../datasets/catalog-reader';
import { quoteIdentifier, quoteLiteral } from '../db/duckdb';
import { renameDurably } from '../util/durable';
import type { StateTx } from './db';
import { derivedSelect, type StateDatasetSpec } from './dataset-spec';

/**
 * Copy one dataset to its temporary file inside the snapshot, and describe it.
 *
 * @example const { entry, temp, file } = await stage(tx, datasetsDir, spec); // later: renameDurably(temp, file)
 */
export async function stage(tx: StateTx, datasetsDir: string, spec: StateDatasetSpec) {
  const path = `source=state/kind=${spec.name}`;
  const file = join(datasetsDir, path, 'part.parquet');
  const temp = `${file}.${process.pid}.tmp`;
  await mkdir(dirname(file), { recursive: true });
  let select: { sql: string; params: (string | number | boolean | null)[] } = {
    sql: spec.sql,
    params: [],
  };
  if (spec.derive)
    select = derivedSelect(spec.derive.columns, spec.derive.rows(await tx.all(spec.sql)));
  const [copied] = await tx.all(
    `COPY (${select.sql}) TO ${quoteLiteral(temp)} (FORMAT parquet)`,
    select.params,
  );
  const rows = Number(copied?.Count ?? copied?.count ?? 0);
  const schema = (await tx.all(`DESCRIBE SELECT * FROM read_parquet(${quoteLiteral(temp)})`)).map(
    (c) => ({ name: String(c.column_name), type: String(c.column_type) }),
  );
  let timeRange: DatasetEntry['timeRange'] = null;
  if (spec.timeColumn && rows > 0) {
    const col = quoteIdentifier(spec.timeColumn);
    const [r] = await tx.all(
      `SELECT strftime(min(${col}), '%Y-%m-%dT%H:%M:%S.%gZ') AS lo, strftime(max(${col}), '%Y-%m-%dT%H:%M:%S.%gZ') AS hi FROM read_parquet(${quoteLiteral(temp)})`,
    );
    if (r?.lo != null) timeRange = { start: String(r.lo), end: String(r.hi) };
  }
  const entry: DatasetEntry = {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    source: 'state',
    simulated: false,
    path,
    partitionKeys: [],
    partitions: [
      {
        path: `${path}/part.parquet`,
        values: { source: 'state', kind: spec.name },
        rows,
        bytes: 0,
      },
    ],
    schema,
    rows,
    bytes: 0,
    timeColumn: spec.timeColumn,
    timeRange,
  };
  return { entry, temp, file };
}

/**
 * A sidecar killed mid-export leaves its temporary files (named with its pid): remove them on the next start.
 *
 * @example await removeStaleTemps(config.datasetsDir);
 */
export async function removeStaleTemps(datasetsDir: string): Promise<void> {
  const root = join(datasetsDir, 'source=state');
  const stale = (name: string) => {
    const m = /\.(\d+)\.tmp$/.exec(name);
    return m !== null && Number(m[1]) !== process.pid;
  };
  const dirs = [root, ...(await readdir(root).catch(() => [])).map((d) => join(root, d))];
  for (const dir of dirs)
    for (const name of await readdir(dir).catch(() => []))
      if (stale(name)) await rm(join(dir, name), { force: true });
}

/**
 * Write `source=state/catalog.json` whole (temporary file, fsync, rename).
 *
 * @example await writeStateCatalog(datasetsDir, [entry]);
 */
export async function writeStateCatalog(datasetsDir: string, datasets: DatasetEntry[]) {
  const file = join(datasetsDir, STATE_CATALOG);
  await mkdir(dirname(file), { recursive: true });
  const catalog: DatasetCatalog = { version: 1, generatedAt: new Date().toISOString(), datasets };
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(catalog, null, 2)}\n`);
  await renameDurably(temp, file);
}
