/** `/api/models` on the wire. Types only. */

/** One entry of `GET /api/models`, and the answer to `PUT /api/models/<name>`. */
export interface ModelSummary {
  name: string;
  /** The model's `kind` field, e.g. `har` or `neural`. */
  kind: string;
  bytes: number;
  /** ISO-8601 time of the last write. */
  modified: string;
  etag: string;
}
