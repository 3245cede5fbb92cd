/**
 * Staging snapshot rows in DuckDB (`stageColumns`: strings as VARCHAR, every other column as DOUBLE, NaN for
 * null); `typedColumns` converts back to the dataset's types (ms → TIMESTAMP, DOUBLE → BIGINT, NaN → NULL) and
 * adds the `date` partition column.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../db/duckdb';
import { stageColumns, type StagedColumn } from '../datasets/parquet-staging';
import type { Column, SnapshotRow } from './schema';

/** Create `table` and append `rows` in `schema`'s columns. */
export async function stageRows(
  db: DuckDBConnection,
  table: string,
  schema: readonly Column[],
  rows: readonly SnapshotRow[],
): Promise<void> {
  const columns = schema.map((c): StagedColumn => {
    if (c.type === 'VARCHAR') {
      const values = rows.map((r) => {
        const v = r[c.name];
        return v === null || v === undefined ? null : String(v);
      });
      return { name: c.name, values };
    }
    const values = new Float64Array(rows.length);
    rows.forEach((r, i) => {
      const v = r[c.name];
      values[i] = v === null || v === undefined ? NaN : Number(v);
    });
    return { name: c.name, values };
  });
  await stageColumns(db, table, columns);
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
