/**
 * Writing snapshot rows as hive-partitioned Parquet (`source=/kind=/currency=/date=/part-0.parquet`) with
 * native DuckDB, deduplicated on the kind's natural key (the newest row wins, so a still-forming bar is
 * updated). A partition already on disk is merged: old and new rows go through one `COPY … QUALIFY
 * row_number() … = 1` into a temporary file beside the old one, which a rename then replaces. Partitions not on
 * disk yet are written together by one partitioned COPY into a temporary tree outside `source=*`, then renamed
 * into place one by one, each fsynced first. Readers never see half a file; a crash before a rename leaves the
 * previous file as it was; the next write to a partition removes its leftovers, and the next run all others
 * (`recover.ts`). One writer per datasets directory (in-process writes to a
 * partition are serialized). Why DuckDB and not parquet-wasm: see the report and the bench.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { execute, queryRows, quoteIdentifier, quoteLiteral, withConnection } from '../db/duckdb';
import { PARQUET_COPY, PART_FILE, partitionedCopy } from '../datasets/parquet-staging';
import { renameDurably } from '../util/durable';
import { createKeyedQueue } from '../util/serial-queue';
import { KIND_SPECS, type SnapshotKind } from './kinds';
import { SCHEMAS, utcDate, type SnapshotRow } from './schema';
import { stageRows, typedColumns } from './stage';

export interface WriteOptions {
  datasetsDir: string;
  /** The `source=` partition: `deribit`, `polymarket` or `simulated`. */
  source: string;
  kind: SnapshotKind;
  rows: readonly SnapshotRow[];
  /** Test hook: runs after a temporary file is complete, before it replaces or becomes a partition's file. */
  beforeRename?: (tempPath: string) => void | Promise<void>;
}

export interface WriteResult {
  /** Rows that were not on disk before. */
  added: number;
  /** Partition directories written, relative to the datasets root. */
  partitions: string[];
}

/** Writes to one partition file run one at a time (a merge reads the file it replaces). */
const locked = createKeyedQueue();
let counter = 0;

/**
 * @example
 * await writeSnapshot({datasetsDir: './datasets', source: 'deribit', kind: 'trades', rows});
 */
export async function writeSnapshot(o: WriteOptions): Promise<WriteResult> {
  if (!/^[a-z]+$/.test(o.source)) throw new RangeError(`invalid source: ${o.source}`);
  const schema = SCHEMAS[o.kind];
  if (!schema) throw new RangeError(`invalid kind: ${o.kind}`);
  const dates = new Map<string, string>();
  for (const r of o.rows) {
    if (!Number.isFinite(r.timestamp)) throw new RangeError(`invalid timestamp: ${r.timestamp}`);
    if (!/^[A-Z0-9_]{1,20}$/.test(r.currency))
      throw new RangeError(`invalid currency: ${r.currency}`);
    dates.set(`currency=${r.currency}/date=${utcDate(r.timestamp)}`, r.currency);
  }
  if (dates.size === 0) return { added: 0, partitions: [] };
  const kindDir = `source=${o.source}/kind=${KIND_SPECS[o.kind].dataset}`;
  const keys = KIND_SPECS[o.kind].key.map(quoteIdentifier).join(', ');
  const select = (from: string) =>
    `SELECT * EXCLUDE (_src) FROM (${from}) QUALIFY row_number() OVER (PARTITION BY ${keys} ORDER BY _src DESC) = 1 ORDER BY "timestamp", ${keys}`;
  const parts = [...dates.keys()].sort();
  const exists = await Promise.all(
    parts.map((p) => isFile(join(o.datasetsDir, kindDir, p, PART_FILE))),
  );
  return withConnection(async (db) => {
    const table = `snap_${process.pid}_${++counter}`;
    await stageRows(db, table, schema, o.rows);
    try {
      const fresh = `SELECT ${typedColumns(schema)}, 1 AS _src FROM ${table}`;
      const where = (p: string) => {
        const [c, d] = p.split('/').map((x) => x.slice(x.indexOf('=') + 1));
        return `currency = ${quoteLiteral(c!)} AND "date" = DATE ${quoteLiteral(d!)}`;
      };
      let added = 0;
      const newParts = parts.filter((_, i) => !exists[i]);
      if (newParts.length > 0) {
        const filter =
          newParts.length === parts.length
            ? ''
            : ` WHERE ${newParts.map((p) => `(${where(p)})`).join(' OR ')}`;
        added += await writeNew(db, o, kindDir, select(`SELECT * FROM (${fresh})${filter}`), keys);
      }
      for (const p of parts.filter((_, i) => exists[i])) {
        const file = join(o.datasetsDir, kindDir, p, PART_FILE);
        const names = [...schema.map((c) => quoteIdentifier(c.name)), '"date"'].join(', ');
        const merged = `SELECT ${names}, 0 AS _src FROM read_parquet(${quoteLiteral(file)}, hive_partitioning = false) UNION ALL SELECT * FROM (${fresh}) WHERE ${where(p)}`;
        added += await locked(file, () => replaceFile(db, file, select(merged), o.beforeRename));
      }
      return { added, partitions: parts.map((p) => `${kindDir}/${p}`) };
    } finally {
      await execute(`DROP TABLE IF EXISTS ${table}`, undefined, db);
    }
  });
}

/** Merge path: COPY to a temporary file in the partition, then rename over the old file. */
async function replaceFile(
  db: DuckDBConnection,
  file: string,
  query: string,
  hook: WriteOptions['beforeRename'],
): Promise<number> {
  const dir = dirname(file);
  for (const name of await readdir(dir))
    if (name.startsWith('.part-') && name.endsWith('.tmp'))
      await rm(join(dir, name), { force: true });
  const temp = join(dir, `.part-${process.pid}-${++counter}.tmp`);
  try {
    const before = await countRows(db, file);
    await execute(`COPY (${query}) TO ${quoteLiteral(temp)} (${PARQUET_COPY})`, undefined, db);
    const after = await countRows(db, temp);
    await hook?.(temp);
    await renameDurably(temp, file);
    return after - before;
  } finally {
    await rm(temp, { force: true });
  }
}

/** Bulk path for partitions not on disk: one partitioned COPY into a temporary tree, then a rename per file. */
async function writeNew(
  db: DuckDBConnection,
  o: WriteOptions,
  kindDir: string,
  query: string,
  keys: string,
): Promise<number> {
  await mkdir(o.datasetsDir, { recursive: true });
  const tree = join(o.datasetsDir, `.tmp-snapshot-${process.pid}-${++counter}`);
  try {
    await execute(
      `COPY (${query}) TO ${quoteLiteral(tree)} (${partitionedCopy(['currency', 'date'])})`,
      undefined,
      db,
    );
    let added = 0;
    for (const c of await readdir(tree))
      for (const d of await readdir(join(tree, c))) {
        const temp = join(tree, c, d, PART_FILE);
        const file = join(o.datasetsDir, kindDir, c, d, PART_FILE);
        const rows = await countRows(db, temp);
        await o.beforeRename?.(temp);
        await mkdir(dirname(file), { recursive: true });
        added += await locked(file, async () => {
          if (!(await isFile(file))) return renameDurably(temp, file).then(() => rows);
          // Written meanwhile by another snapshot in this process: merge instead.
          const names = `* EXCLUDE (_src)`;
          const union = `SELECT *, 0 AS _src FROM read_parquet(${quoteLiteral(file)}, hive_partitioning = false) UNION ALL SELECT *, 1 AS _src FROM read_parquet(${quoteLiteral(temp)}, hive_partitioning = false)`;
          return replaceFile(
            db,
            file,
            `SELECT ${names} FROM (${union}) QUALIFY row_number() OVER (PARTITION BY ${keys} ORDER BY _src DESC) = 1 ORDER BY "timestamp", ${keys}`,
            undefined,
          );
        });
      }
    return added;
  } finally {
    await rm(tree, { recursive: true, force: true });
  }
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function countRows(db: DuckDBConnection, file: string): Promise<number> {
  const [r] = await queryRows(
    `SELECT count(*) AS n FROM read_parquet(${quoteLiteral(file)})`,
    undefined,
    db,
  );
  return Number(r!.n);
}
