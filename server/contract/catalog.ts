/**
 * The dataset catalog: `datasets/catalog.json`, written by whoever writes Parquet
 * (the bundled-data generator, the snapshotter) and served by `GET /api/datasets`. Wire types only.
 */
export interface DatasetColumn {
  name: string;
  /** DuckDB type name, e.g. `DOUBLE`, `VARCHAR`, `TIMESTAMP`, `DATE`. */
  type: string;
}

export interface DatasetPartition {
  /** Path of the Parquet file relative to the datasets root, e.g. `source=simulated/kind=ohlcv_daily/currency=BTC/part-0.parquet`. */
  path: string;
  /** Hive key/value pairs of this partition, e.g. `{source: 'simulated', kind: 'ohlcv_daily', currency: 'BTC'}`. */
  values: Record<string, string>;
  rows: number;
  bytes: number;
}

/** Who produced a dataset: the bundled generator, a snapshot of an exchange, or the sidecar's state tables. */
export type DatasetSource = 'simulated' | 'deribit' | 'polymarket' | 'state';

export interface DatasetEntry {
  /** The table name notebooks use in SQL, e.g. `ohlcv_daily`. */
  name: string;
  title: string;
  description: string;
  source: DatasetSource;
  /** True for generated data; the UI labels such datasets "simulated". */
  simulated: boolean;
  /** Directory of the dataset's hive partitions relative to the datasets root. */
  path: string;
  /** Hive partition keys below `path`, outermost first (e.g. `['currency', 'month']`). */
  partitionKeys: string[];
  partitions: DatasetPartition[];
  schema: DatasetColumn[];
  rows: number;
  bytes: number;
  /** The column that orders rows in time, if any. */
  timeColumn: string | null;
  /** ISO-8601 bounds of `timeColumn`. */
  timeRange: { start: string; end: string } | null;
}

export interface DatasetCatalog {
  version: 1;
  generatedAt: string;
  datasets: DatasetEntry[];
}
