/**
 * Writing typed-array columns to Parquet with native DuckDB (staged as in `parquet-staging.ts`): `select`
 * derives the typed and string columns in SQL, and the result is one file or a hive tree of `PART_FILE`s.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { execute, quoteLiteral, withConnection } from '../db/duckdb';
import { PARQUET_COPY, partitionedCopy, stageColumns } from './parquet-staging';

export interface ParquetWrite {
  /** Staging columns, all the same length; they form table `src`. */
  columns: Record<string, Float64Array>;
  /** SELECT list over `src` that produces the file's columns. */
  select: string;
  /** A `.parquet` file, or the directory of a hive tree when `partitionBy` is given. */
  target: string;
  partitionBy?: readonly string[];
  /** Keep the partition columns inside the files too (default true: each file stands alone in the browser). */
  writePartitionColumns?: boolean;
  orderBy?: string;
}

let tableCounter = 0;

/**
 * @example
 * await writeParquet({columns: {x: Float64Array.of(1, 2)}, select: 'x AS value', target: '/tmp/a.parquet'});
 */
export async function writeParquet(w: ParquetWrite): Promise<void> {
  const columns = Object.entries(w.columns).map(([name, values]) => ({ name, values }));
  await mkdir(w.partitionBy ? w.target : dirname(w.target), { recursive: true });
  await withConnection(async (db) => {
    const table = `src_${process.pid}_${++tableCounter}`;
    try {
      await stageColumns(db, table, columns);
      const order = w.orderBy ? ` ORDER BY ${w.orderBy}` : '';
      const query = `SELECT ${w.select} FROM ${table} AS src${order}`;
      const options = w.partitionBy
        ? partitionedCopy(w.partitionBy, w.writePartitionColumns ?? true)
        : PARQUET_COPY;
      await execute(`COPY (${query}) TO ${quoteLiteral(w.target)} (${options})`, undefined, db);
    } finally {
      await execute(`DROP TABLE IF EXISTS ${table}`, undefined, db);
    }
  });
}
