/**
 * The `DatasetSource` of an export or share: the pinned slices its manifest lists, read by relative URL (or
 * from the page) and decoded from Parquet. A slice the export does not hold is refused by name.
 */
import { tableFromIPC } from 'apache-arrow';
import type { DatasetCatalog, DatasetEntry } from '../../server/contract';
import type { ExportManifest, ManifestSlice } from '../../server/contract';
import type { Connector } from '../data/connector';
import { DatasetLoadError, type DatasetSource } from '../data/dataset-source';
import { withDates } from '../data/dated-table';
import type { SliceSpec } from '../data/slice';
import type { BundleReader } from './bundle-reader';
import { sliceKey } from './keys';
import { parquetToIpc } from './parquet-decode';

/**
 * @example
 * const store = new DatasetStore(db, staticDatasetSource(manifest, pageBundle(), db));
 */
export function staticDatasetSource(
  manifest: ExportManifest,
  bundle: BundleReader,
  db: Connector,
): DatasetSource {
  const find = (spec: SliceSpec): ManifestSlice => {
    const slice = manifest.slices.find((s) => s.key === sliceKey(spec));
    if (!slice)
      throw new DatasetLoadError(`this export does not hold that slice of ${spec.name}`, 404);
    return slice;
  };
  const ipcOf = async (spec: SliceSpec) => parquetToIpc(await bundle.bytes(find(spec).file));
  return {
    catalog: async () => catalogOf(manifest),
    async loadTable(table, spec) {
      await db.insertArrowIpc(table, await ipcOf(spec));
    },
    async loadArrow(spec) {
      return withDates(tableFromIPC(await ipcOf(spec)));
    },
  };
}

/** One catalog entry per pinned dataset: enough for the store to know the names and row counts. */
function catalogOf(manifest: ExportManifest): DatasetCatalog {
  const entries = new Map<string, DatasetEntry>();
  for (const slice of manifest.slices) {
    if (entries.has(slice.dataset)) continue;
    entries.set(slice.dataset, {
      name: slice.dataset,
      title: slice.dataset,
      description: '',
      source: slice.source as DatasetEntry['source'],
      simulated: slice.simulated,
      path: '',
      partitionKeys: [],
      partitions: [],
      schema: [],
      rows: slice.rows,
      bytes: slice.bytes,
      timeColumn: null,
      timeRange: null,
    });
  }
  const generatedAt = manifest.slices[0]?.capturedAt ?? manifest.exportedAt;
  return { version: 1, generatedAt, datasets: [...entries.values()] };
}
