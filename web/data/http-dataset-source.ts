/**
 * The browser's datasets: the sidecar's catalog over HTTP, slices cut by the sidecar as Parquet, decoded to
 * Arrow IPC by parquet-wasm in a worker and inserted into DuckDB-WASM.
 */
import { tableFromIPC } from 'apache-arrow';
import type { DatasetCatalog } from '../../server/contract';
import { fetchJson } from '../api/http';
import type { Connector } from './connector';
import type { DatasetSource } from './dataset-source';
import { withDates } from './dated-table';
import { fetchParquetAsIpc } from './parquet-client';
import { sliceRequest } from './slice';

/**
 * @example
 * const store = new DatasetStore(db, httpDatasetSource(db));
 */
export function httpDatasetSource(db: Connector): DatasetSource {
  return {
    catalog: () => fetchJson<DatasetCatalog>('/api/datasets'),
    async loadTable(table, spec) {
      const start = performance.now();
      const { url, init } = sliceRequest(spec);
      const ipc = await fetchParquetAsIpc(url, init);
      const fetched = performance.now();
      await db.insertArrowIpc(table, ipc);
      performance.measure(`vollab:fetch+decode ${table}`, { start, end: fetched });
      performance.measure(`vollab:insert ${table}`, { start: fetched });
    },
    async loadArrow(spec) {
      const { url, init } = sliceRequest(spec);
      return withDates(tableFromIPC(await fetchParquetAsIpc(url, init)));
    },
  };
}
