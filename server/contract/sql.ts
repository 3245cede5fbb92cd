/**
 * `POST /api/sql/query`: a notebook's read-only SQL cell answered by the sidecar's sandboxed native DuckDB while
 * the browser's DuckDB-WASM is still starting. The answer is an Arrow IPC stream
 * (`application/vnd.apache.arrow.stream`) with the browser's column types; an error is the usual JSON body.
 */
import type { SliceSpec } from './slice';

/** A bound `?` parameter: JSON scalars only, numbers bound as DOUBLE (the workbench sends no null or `Date`). */
export type SqlQueryParam = string | number | boolean | null;

export interface SqlQueryRequest {
  /** One SELECT / WITH statement over the datasets and the slices below. */
  sql: string;
  params?: SqlQueryParam[];
  /** The notebook's front-matter slices: each is visible to the query under `as ?? name`, as in the browser. */
  slices?: SliceSpec[];
}
