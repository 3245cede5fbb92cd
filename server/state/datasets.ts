/**
 * The state tables as datasets: each spec's rows are copied to `source=state/kind=<name>/part.parquet` under
 * the datasets folder, all of them inside ONE read-only transaction of the state database (a consistent
 * snapshot across tables), each through a temporary file and a durable rename (a reader sees the old file or
 * the new one, never half of one), then described in `source=state/catalog.json`, which the catalog reader
 * merges into the catalog. So the browser (slices, Range requests) and the headless runner read them like any
 * other dataset. An export runs a second after writes settle, and on `refresh()` when anything changed since
 * the last one: the sidecar refreshes before answering a catalog or slice request, so a fill acknowledged to a
 * client is in the next slice.
 */
import { stat } from 'node:fs/promises';
import type { DatasetEntry } from '../contract/catalog';
import type { CatalogReader } from '../datasets/catalog-reader';
import { renameDurably } from '../util/durable';
import type { StateDb } from './db';
import type { StateDatasetSpec } from './dataset-spec';
import { removeStaleTemps, stage, writeStateCatalog } from './dataset-files';

export interface StateDatasets {
  /** Export now if the state changed since the last export (waits for one in flight). */
  refresh(): Promise<void>;
  /** Stop the debounced exports (a last `refresh()` before closing the database keeps the files current). */
  close(): void;
}

/**
 * @example
 * const exports = startStateDatasets({ state, datasetsDir, specs: [...PORTFOLIO_DATASETS, ...ALERT_DATASETS] });
 * await exports.refresh(); // `fills` now in the catalog, as of the last committed write
 */
export function startStateDatasets(o: {
  state: StateDb;
  datasetsDir: string;
  specs: readonly StateDatasetSpec[];
  /** Quiet time after a write before the background export (default 1000 ms). */
  debounceMs?: number;
}): StateDatasets {
  let exported = -1;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;

  let cleaned = false;
  const exportOnce = async () => {
    if (!cleaned) await removeStaleTemps(o.datasetsDir);
    cleaned = true;
    const staged = await o.state.snapshot(async (tx, generation) => {
      const present = new Set(
        (await tx.all('SELECT table_name FROM duckdb_tables()')).map((r) => String(r.table_name)),
      );
      const out: { entry: DatasetEntry; temp: string; file: string }[] = [];
      for (const spec of o.specs) {
        if (!spec.tables.every((t) => present.has(t))) continue;
        out.push(await stage(tx, o.datasetsDir, spec));
      }
      return { generation, out };
    });
    for (const s of staged.out) {
      await renameDurably(s.temp, s.file);
      s.entry.partitions[0]!.bytes = (await stat(s.file)).size;
      s.entry.bytes = s.entry.partitions[0]!.bytes;
    }
    await writeStateCatalog(
      o.datasetsDir,
      staged.out.map((s) => s.entry),
    );
    exported = staged.generation;
  };

  const refresh = async () => {
    // Writes landing during an export make it stale at once; a few rounds, not a chase without end.
    for (let round = 0; round < 3 && exported !== o.state.generation; round++) {
      running ??= exportOnce().finally(() => {
        running = null;
      });
      await running;
    }
  };

  const unsubscribe = o.state.onCommit(() => {
    timer ??= setTimeout(() => {
      timer = null;
      refresh().catch((error: unknown) => console.error('state datasets export failed:', error));
    }, o.debounceMs ?? 1000);
    timer.unref();
  });

  return {
    refresh,
    close() {
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * The catalog with the state datasets brought up to date first. A failed export is logged and the last one
 * served: the rest of the catalog never depends on it.
 *
 * @example const catalog = withFreshState(createCatalogReader(config.datasetsDir), stateDatasets);
 */
export function withFreshState(
  catalog: CatalogReader,
  state: Pick<StateDatasets, 'refresh'> | undefined,
): CatalogReader {
  if (!state) return catalog;
  const fresh = () =>
    state
      .refresh()
      .catch((error: unknown) => console.error('state datasets export failed:', error));
  return {
    read: async () => {
      await fresh();
      return catalog.read();
    },
    find: async (name) => {
      await fresh();
      return catalog.find(name);
    },
  };
}
