/**
 * The page's DuckDB-WASM client and dataset store, shared by every notebook opened in this tab so that loaded
 * tables stay warm across in-place navigation. Until DuckDB-WASM has started, the sidecar answers read-only
 * SQL cells (`handover-connector.ts`).
 */
import type { Connector } from '../data/connector';
import { DatasetStore } from '../data/datasets';
import { createHandoverConnector } from '../data/handover-connector';
import { httpDatasetSource } from '../data/http-dataset-source';
import { sidecarQuery } from '../data/sidecar-query';
import { duckDbReady, getDuckDb } from './duckdb';

let services: { db: Connector; store: DatasetStore } | null = null;

export function getServices(): { db: Connector; store: DatasetStore } {
  if (!services) {
    const slices = () => store.sliceSpecs();
    const db = createHandoverConnector(getDuckDb(), sidecarQuery(slices), duckDbReady());
    const store = new DatasetStore(db, httpDatasetSource(getDuckDb()));
    services = { db, store };
  }
  return services;
}
