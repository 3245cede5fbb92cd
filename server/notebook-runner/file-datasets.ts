/**
 * Datasets for a notebook run headless: the catalog and Parquet files under the datasets folder, sliced by the
 * sidecar's own rules (`server/datasets/slice.ts`, the slice endpoint's validation) and loaded into the run's
 * native DuckDB with one `CREATE TABLE … AS`, so a headless run sees the same rows the browser would.
 */
import { createCatalogReader } from '../datasets/catalog-reader';
import { partitionFiles, prunePartitions, sliceSql } from '../datasets/slice';
import { quoteIdentifier } from '../db/duckdb';
import { parseSliceQuery } from '../routes/slice-query';
import type { Connector } from '../../web/data/connector';
import { DatasetLoadError, type DatasetSource } from '../../web/data/dataset-source';
import type { SliceSpec } from '../../web/data/slice';

/**
 * @example
 * const store = new DatasetStore(db, fileDatasetSource('./datasets', db));
 */
export function fileDatasetSource(datasetsDir: string, db: Connector): DatasetSource {
  const catalog = createCatalogReader(datasetsDir);

  /** The slice's SELECT over the partitions that can match, as the slice endpoint would cut it. */
  async function selectOf(spec: SliceSpec): Promise<{ sql: string; params: string[] }> {
    const entry = await catalog.find(spec.name);
    if (!entry) throw new DatasetLoadError(`unknown dataset: ${spec.name}`, 404);
    if (entry.partitions.length === 0)
      throw new DatasetLoadError(`dataset ${spec.name} has no data files`, 404);
    const query = parseSliceQuery(entry, queryParams(spec));
    const pruned = prunePartitions(entry, query.where);
    const files = partitionFiles(datasetsDir, pruned.length > 0 ? pruned : entry.partitions);
    return sliceSql(entry, files, query);
  }

  return {
    catalog: () => catalog.read(),
    async loadTable(table, spec) {
      const { sql, params } = await selectOf(spec);
      await db.query(`CREATE OR REPLACE TABLE ${quoteIdentifier(table)} AS ${sql}`, params);
    },
    async loadArrow(spec) {
      const { sql, params } = await selectOf(spec);
      return db.query(sql, params);
    },
  };
}

/** A slice spec as the slice endpoint's query string (what `sliceUrl` sends), for the same validation. */
function queryParams(spec: SliceSpec): Record<string, string | undefined> {
  return {
    columns: spec.columns?.length ? spec.columns.join(',') : undefined,
    where:
      spec.where && Object.keys(spec.where).length > 0 ? JSON.stringify(spec.where) : undefined,
    limit: spec.limit === undefined ? undefined : String(spec.limit),
  };
}
