/** `/api/notebooks` on the wire: what the sidecar answers and what the workbench reads. Types only. */

/** One entry of `GET /api/notebooks`. */
export interface NotebookSummary {
  /** Path relative to the notebooks folder, e.g. `studies/regimes.md`. */
  path: string;
  title: string;
  /** ISO-8601 time of the last write. */
  modified: string;
  size: number;
  etag: string;
}

/** A notebook file: `GET`, `POST` (create) and `POST …/rename` answer with it. */
export interface NotebookDocument {
  path: string;
  text: string;
  etag: string;
  modified: string;
}

/** The answer to a successful `PUT` (200 saved, 201 created). */
export interface NotebookSaved {
  path: string;
  etag: string;
  modified: string;
}

/**
 * The 409 answer to a stale `PUT`: the version on disk (null if it was deleted meanwhile) and where the
 * rejected text was kept, so nothing is lost.
 */
export interface SaveConflictBody {
  error: { status: 409; message: string };
  current: { text: string; etag: string } | null;
  /** Path of the kept copy under `.conflicts/`, relative to the notebooks folder. */
  conflictCopy: string;
}
