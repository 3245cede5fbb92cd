/**
 * The one way rows reach a Parquet file here: columns are staged in a DuckDB temp table through the appender,
 * one 2,048-row data chunk at a time (numbers as DOUBLE, a memcpy per vector when the typed array is exposed:
 * ~20 M doubles/s, ~10× the row-wise appender; strings as VARCHAR), then one `COPY (SELECT …)` derives the
 * typed columns in SQL and writes the file. Hive trees have one file per partition, always named `PART_FILE`.
 */
import {
  DOUBLE,
  DuckDBDataChunk,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBDoubleVector,
} from '@duckdb/node-api';
import { execute, quoteIdentifier } from '../db/duckdb';

/** The name of every Parquet file in a partition folder (bundled datasets and snapshots alike). */
export const PART_FILE = 'part-0.parquet';

/** COPY options of every dataset file: zstd, row groups of 122,880 rows (DuckDB's default). */
export const PARQUET_COPY = 'FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880';

/**
 * COPY options for a hive tree partitioned by `columns` whose leaves are `PART_FILE`.
 *
 * @example
 * `COPY (…) TO '/tmp/tree' (${partitionedCopy(['currency', 'date'])})`
 */
export function partitionedCopy(columns: readonly string[], writePartitionColumns = true): string {
  const by = columns.map(quoteIdentifier).join(', ');
  const pattern = PART_FILE.replace('0.parquet', '{i}');
  return `${PARQUET_COPY}, PARTITION_BY (${by}), WRITE_PARTITION_COLUMNS ${writePartitionColumns}, FILENAME_PATTERN '${pattern}', OVERWRITE_OR_IGNORE`;
}

/** A staged column: numbers (NaN for null) become DOUBLE, strings VARCHAR. */
export type StagedColumn =
  | { name: string; values: Float64Array }
  | { name: string; values: readonly (string | null)[] };

const CHUNK = 2048;

/**
 * Create temp table `table` with `columns` (all the same length) and append their values.
 *
 * @example
 * await stageColumns(db, 'src_1', [{ name: 'x', values: Float64Array.of(1, 2) }, { name: 's', values: ['a', null] }]);
 */
export async function stageColumns(
  db: DuckDBConnection,
  table: string,
  columns: readonly StagedColumn[],
): Promise<void> {
  if (columns.length === 0) throw new RangeError('invalid columns: none');
  const length = columns[0]!.values.length;
  for (const c of columns)
    if (c.values.length !== length) throw new RangeError(`invalid column length: ${c.name}`);
  const numeric = columns.map((c) => c.values instanceof Float64Array);
  const ddl = columns.map((c, j) => `${quoteIdentifier(c.name)} ${numeric[j] ? 'DOUBLE' : 'VARCHAR'}`);
  await execute(`CREATE TEMP TABLE ${table} (${ddl.join(', ')})`, undefined, db);
  const appender = await db.createAppender(table);
  try {
    const chunk = DuckDBDataChunk.create(
      numeric.map((n) => (n ? DOUBLE : VARCHAR)),
      CHUNK,
    );
    for (let offset = 0; offset < length; offset += CHUNK) {
      const n = Math.min(CHUNK, length - offset);
      chunk.rowCount = n;
      columns.forEach(({ values }, j) => {
        if (values instanceof Float64Array)
          fillVector(chunk.getColumnVector(j) as DuckDBDoubleVector, values.subarray(offset, offset + n));
        else chunk.setColumnValues(j, values.slice(offset, offset + n));
      });
      appender.appendDataChunk(chunk);
    }
  } finally {
    appender.closeSync();
  }
}

/**
 * Copy values into a DOUBLE vector. The vector's backing Float64Array is private in the typings of
 * @duckdb/node-api 1.5.5; use it when present (one memcpy) and fall back to the public per-item setter.
 */
function fillVector(vector: DuckDBDoubleVector, values: Float64Array): void {
  const items = (vector as unknown as { items?: unknown }).items;
  if (items instanceof Float64Array && items.length >= values.length) items.set(values);
  else for (let i = 0; i < values.length; i++) vector.setItem(i, values[i]!);
  vector.flush();
}
