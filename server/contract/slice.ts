/**
 * The `where=<JSON>` query parameter of `GET /api/datasets/<name>/slice`: structured filters, never SQL.
 * `{"currency": "BTC", "symbol": ["BTC", "ETH"], "date": {"from": "2025-01-01", "to": "2025-03-31"}}`.
 * Types only; the sidecar validates the JSON against the dataset's schema (`server/routes/slice-query.ts`).
 */

/** A value to match, a list of values (IN), or a range (inclusive bounds, either may be absent). */
export type SliceWhereValue =
  | string
  | number
  | boolean
  | (string | number | boolean)[]
  | { from?: string | number | boolean; to?: string | number | boolean };

export type SliceWhere = Record<string, SliceWhereValue>;

/** A slice of a dataset as a notebook names it (front matter, `load()`), and as exports and shares pin it. */
export interface SliceSpec {
  /** Dataset name in the catalog. */
  name: string;
  /** Table name in the browser's DuckDB (default: the dataset name). */
  as?: string;
  where?: SliceWhere;
  columns?: string[];
  limit?: number;
}
