/**
 * The page's DuckDB-WASM client and dataset store, shared by every notebook opened in this tab so that loaded
 * tables stay warm across in-place navigation.
 */
import type { DuckDbClient } from '../data/duckdb-client';
import { DatasetStore } from '../data/datasets';
import { httpDatasetSource } from '../data/http-dataset-source';
import { getDuckDb } from './duckdb';

let services: { db: DuckDbClient; store: DatasetStore } | null = null;

export function getServices(): { db: DuckDbClient; store: DatasetStore } {
  services ??= {
    db: getDuckDb(),
    store: new DatasetStore(getDuckDb(), httpDatasetSource(getDuckDb())),
  };
  return services;
}
