/**
 * What crosses the wire for exports and share links: the manifest a static export or a share snapshot carries,
 * and the share API's bodies. Type-only, read by `server/` and `web/viewer/`.
 */
import type { SliceSpec } from './slice';

/** One data slice the notebook read, pinned as a Parquet file named by its content. */
export interface ManifestSlice {
  /** The table the notebook reads it as (`as`, else the dataset name). */
  table: string;
  dataset: string;
  spec: SliceSpec;
  /** `sliceKey(spec)`: how a reader finds the file for a slice it asks for. */
  key: string;
  /** Relative path of the Parquet file, `data/<sha256>.parquet`. */
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
  /** When the dataset was captured (the catalog's `generatedAt`). */
  capturedAt: string;
  simulated: boolean;
  source: string;
}

/** A SQL cell's result for the parameters it ran with, precomputed at export time as Arrow IPC. */
export interface ManifestResult {
  cellId: string;
  /** `paramsKey(params)`. */
  params: string;
  /** Relative path, `results/<sha256>.arrows`. */
  file: string;
  rows: number;
}

export interface ManifestCell {
  id: string;
  kind: string;
  status: 'ok' | 'error' | 'timeout';
  error?: string;
}

export interface ExportManifest {
  version: 1;
  title: string;
  /** ISO time of the export or share. */
  exportedAt: string;
  /** Relative path of the notebook text. */
  notebook: string;
  /** Input values the notebook opens with (share: the sharer's; export: the defaults, `{}`). */
  inputs: Record<string, unknown>;
  /** Show code cells by default (`--include-code`). */
  showCode: boolean;
  slices: ManifestSlice[];
  results: ManifestResult[];
  cells: ManifestCell[];
  /**
   * Relative path (`outputs/<sha256>.json`) of each cell's output as HTML for `inputs`, rendered at export
   * time: `{[cellId]: html}`. The viewer paints these first and runs a cell only when its inputs change.
   */
  outputs?: string;
}

export interface CreateShareRequest {
  /** Notebook path relative to the notebooks folder, e.g. `regime-study.md`. */
  path: string;
  inputs?: Record<string, unknown>;
}

export interface ShareSummary {
  id: string;
  url: string;
  path: string;
  title: string;
  createdAt: string;
}
