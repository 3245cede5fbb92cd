/**
 * Where the dataset store gets its catalog and slices: the sidecar over HTTP in the browser
 * (`http-dataset-source.ts`), the Parquet files themselves in Node (`server/notebook-runner/file-datasets.ts`).
 */
import type { Table } from 'apache-arrow';
import type { DatasetCatalog } from '../../server/contract';
import type { SliceSpec } from './slice';

export interface DatasetSource {
  catalog(): Promise<DatasetCatalog>;
  /** Load a slice into the source's connector as table `table` (create or replace). */
  loadTable(table: string, spec: SliceSpec): Promise<void>;
  /** A slice as an Arrow table, without touching DuckDB (the `load()` builtin). */
  loadArrow(spec: SliceSpec): Promise<Table>;
}

/** A dataset that cannot be loaded: unknown, too large to load whole, or refused by the sidecar. */
export class DatasetLoadError extends Error {
  override readonly name = 'DatasetLoadError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}
