/**
 * Staging snapshot rows in DuckDB: a temp table with strings as VARCHAR and every other column as DOUBLE (NaN
 * for null), filled one 2,048-row data chunk at a time through the appender; `typedColumns` converts back to
 * the dataset's types (ms → TIMESTAMP, DOUBLE → BIGINT, NaN → NULL) and adds the `date` partition column.
 */
import { DOUBLE, DuckDBDataChunk, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { execute, quoteIdentifier } from '../db/duckdb';
import type { Column, SnapshotRow } from './schema';

const CHUNK = 2048;

/** Create `table` and append `rows` in `schema`'s columns. */
export async function stageRows(
  db: DuckDBConnection,
  table: string,
  schema: readonly Column[],
  rows: readonly SnapshotRow[],
): Promise<void> {
  const text = schema.map((c) => c.type === 'VARCHAR');
  const ddl = schema.map((c, j) => `${quoteIdentifier(c.name)} ${text[j] ? 'VARCHAR' : 'DOUBLE'}`);
  await execute(`CREATE TEMP TABLE ${table} (${ddl.join(', ')})`, undefined, db);
  const appender = await db.createAppender(table);
  try {
    const chunk = DuckDBDataChunk.create(
      schema.map((_, j) => (text[j] ? VARCHAR : DOUBLE)),
      CHUNK,
    );
    for (let offset = 0; offset < rows.length; offset += CHUNK) {
      const n = Math.min(CHUNK, rows.length - offset);
      chunk.rowCount = n;
      schema.forEach((c, j) => {
        const values: (string | number | null)[] = new Array(n);
        for (let i = 0; i < n; i++) {
          const v = rows[offset + i]![c.name];
          if (text[j]) values[i] = v === null || v === undefined ? null : String(v);
          else values[i] = v === null || v === undefined ? NaN : Number(v);
        }
        chunk.setColumnValues(j, values);
      });
      appender.appendDataChunk(chunk);
    }
  } finally {
    appender.closeSync();
  }
}

function typed(c: Column): string {
  const id = quoteIdentifier(c.name);
  if (c.type === 'VARCHAR') return id;
  const value = `CASE WHEN isnan(${id}) THEN NULL ELSE ${id} END`;
  if (c.type === 'DOUBLE') return `${value} AS ${id}`;
  if (c.type === 'TIMESTAMP') return `epoch_ms(CAST(${value} AS BIGINT)) AS ${id}`;
  return `CAST(${value} AS ${c.type}) AS ${id}`;
}

/** SELECT list over the staged table: the dataset's columns in their types, then `date`. */
export function typedColumns(schema: readonly Column[]): string {
  const ts = quoteIdentifier('timestamp');
  return `${schema.map(typed).join(', ')}, CAST(epoch_ms(CAST(${ts} AS BIGINT)) AS DATE) AS ${quoteIdentifier('date')}`;
}
