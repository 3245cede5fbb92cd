/**
 * What a module declares to make its state tables readable from notebooks as datasets: a SELECT over its
 * tables (run inside one read snapshot with every other dataset), or rows derived in JS from that SELECT (the
 * positions from the fills), and how the catalog should describe the result.
 */
import type { DatasetColumn } from '../contract/catalog';
import type { StateRow } from './db';

export interface StateDatasetSpec {
  /** The table name notebooks use, e.g. `fills`. */
  name: string;
  title: string;
  description: string;
  /** The state tables the query reads; the dataset is left out of the catalog until they all exist. */
  tables: readonly string[];
  /**
   * The dataset's rows (or the input of `derive`), as one SELECT over the state tables. No column may be named
   * `source` or `kind`: readers take those from the hive path (`source=state/kind=<name>`).
   */
  sql: string;
  /** The column that orders rows in time (a TIMESTAMP of the result), if any. */
  timeColumn: string | null;
  /** Rows computed from the SELECT's rows, in the order of `columns` (values DuckDB can bind). */
  derive?: {
    columns: readonly DatasetColumn[];
    rows(input: readonly StateRow[]): (string | number | boolean | null)[][];
  };
}

/** The SELECT that yields a derived dataset's rows with its declared column types (empty keeps the types). */
export function derivedSelect(
  columns: readonly DatasetColumn[],
  rows: readonly (string | number | boolean | null)[][],
): { sql: string; params: (string | number | boolean | null)[] } {
  const names = columns.map((_, i) => `c${i}`);
  const typed = columns
    .map((c, i) => `CAST(${names[i]} AS ${c.type}) AS "${c.name.replace(/"/g, '""')}"`)
    .join(', ');
  if (rows.length === 0) {
    const nulls = names.map((n) => `NULL AS ${n}`).join(', ');
    return { sql: `SELECT ${typed} FROM (SELECT ${nulls}) WHERE false`, params: [] };
  }
  const row = `(${names.map(() => '?').join(', ')})`;
  return {
    sql: `SELECT ${typed} FROM (VALUES ${rows.map(() => row).join(', ')}) AS v(${names.join(', ')})`,
    params: rows.flat(),
  };
}
