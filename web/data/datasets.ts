/**
 * The browser's datasets: the sidecar's catalog, and tables loaded into DuckDB-WASM lazily, on first
 * reference, each at most once however many cells ask for it at the same time.
 */
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import type { DatasetCatalog, DatasetEntry } from '../../server/contract';
import type { SqlContext } from '../notebook/define';
import { isCacheableQuery } from './cacheable-query';
import type { Connector } from './connector';
import { DatasetLoadError, type DatasetSource } from './dataset-source';
import { withDates } from './dated-table';
import { QueryError } from './query-error';
import { ResultCache, resultCacheKey } from './result-cache';
import { missingTableName, type SliceSpec } from './slice';

/** What a SQL cell's query is told about the tables it reads and creates. */
type SqlCellContext = Pick<SqlContext, 'datasets' | 'tables' | 'referenced'>;

/** Above this many rows a dataset must be sliced before it is loaded whole into the browser. */
const UNSLICED_ROW_LIMIT = 2_000_000;

export class DatasetStore {
  private catalogPromise: Promise<DatasetCatalog> | null = null;
  private readonly loaded = new Map<string, Promise<void>>();
  private slices = new Map<string, SliceSpec>();
  private readonly resultCache = new ResultCache();

  constructor(
    private readonly db: Connector,
    private readonly source: DatasetSource,
  ) {}

  catalog(): Promise<DatasetCatalog> {
    this.catalogPromise ??= this.source.catalog().catch((error: unknown) => {
      this.catalogPromise = null;
      throw error;
    });
    return this.catalogPromise;
  }

  async entry(name: string): Promise<DatasetEntry | undefined> {
    return (await this.catalog()).datasets.find((d) => d.name === name);
  }

  /**
   * Read the catalog again (something wrote since: a frozen chain, a snapshot run); a loaded table whose
   * dataset changed loads again on next use, and a dataset new since is found.
   */
  async refresh(): Promise<void> {
    const before = await this.catalogPromise?.catch(() => null);
    this.catalogPromise = null;
    const after = await this.catalog();
    const version = (c: DatasetCatalog | null | undefined, name: string) => {
      const e = c?.datasets.find((d) => d.name === name);
      return e ? `${e.rows}:${e.bytes}` : null;
    };
    for (const table of [...this.loaded.keys()]) {
      const name = this.slices.get(table)?.name ?? table;
      if (version(before, name) !== version(after, name)) this.loaded.delete(table);
    }
  }

  /** The slices a notebook names for its tables; a changed slice is loaded again on next use. */
  setSlices(specs: readonly SliceSpec[]): void {
    const next = new Map(specs.map((s) => [s.as ?? s.name, s]));
    for (const [table, spec] of next) {
      if (JSON.stringify(this.slices.get(table)) !== JSON.stringify(spec))
        this.loaded.delete(table);
    }
    this.slices = next;
  }

  /** The current notebook's slices (front matter), as the sidecar must see them to answer for DuckDB-WASM. */
  sliceSpecs(): SliceSpec[] {
    return [...this.slices.values()];
  }

  /** Load the named tables (datasets or front-matter slices) that are not loaded yet; unknown names are left alone. */
  async ensureTables(names: Iterable<string>): Promise<void> {
    const known = new Set((await this.catalog()).datasets.map((d) => d.name));
    const wanted = [...new Set(names)].filter((n) => this.slices.has(n) || known.has(n));
    await Promise.all(wanted.map((n) => this.ensureTable(n)));
  }

  private ensureTable(table: string): Promise<void> {
    let promise = this.loaded.get(table);
    if (!promise) {
      promise = this.loadTable(table).catch((error: unknown) => {
        this.loaded.delete(table);
        throw error;
      });
      this.loaded.set(table, promise);
    }
    return promise;
  }

  private async loadTable(table: string): Promise<void> {
    const spec = this.slices.get(table) ?? { name: table };
    const entry = await this.entry(spec.name);
    if (!entry) throw new DatasetLoadError(`unknown dataset: ${spec.name}`, 404);
    if (!spec.where && spec.limit === undefined && entry.rows > UNSLICED_ROW_LIMIT) {
      throw new DatasetLoadError(
        `${entry.name} has ${entry.rows.toLocaleString('en-US')} rows, too many to load whole: name a slice ` +
          `in the front matter, e.g. datasets: [{name: ${entry.name}, where: {${entry.partitionKeys[0] ?? 'column'}: ...}}]`,
      );
    }
    await this.source.loadTable(table, spec);
  }

  /** The `load()` builtin: a slice as an Arrow table, without touching DuckDB. */
  async load(name: string, options: Omit<SliceSpec, 'name' | 'as'> = {}): Promise<Table> {
    if (!(await this.entry(name))) throw new DatasetLoadError(`unknown dataset: ${name}`, 404);
    return this.source.loadArrow({ name, ...options });
  }

  /**
   * A SQL cell's query, answered from the result cache when the same read-only query over the same dataset
   * versions ran before (no need to wait for DuckDB), else run and kept for next time.
   */
  async queryCached(
    sql: string,
    params: readonly unknown[],
    context: SqlCellContext,
  ): Promise<Table> {
    const key = this.cacheKey(sql, params, context);
    const cached = key.then((k) => (k ? this.resultCache.get(k).catch(() => null) : null));
    if (!this.db.answersBeforeLoad?.()) {
      const hit = await cached;
      return hit ? this.fromCache(hit, context) : this.runAndKeep(key, sql, params, context);
    }
    // While the sidecar answers, the query goes out beside the lookup, not after it: on a first visit, opening
    // the Cache Storage and hashing the key take longer than the sidecar's answer. The first answer is used.
    const running = this.runAndKeep(key, sql, params, context);
    return new Promise<Table>((resolve, reject) => {
      let answered = false;
      const first = (use: () => void) => {
        if (answered) return;
        answered = true;
        use();
      };
      cached.then(
        (hit) => hit && first(() => resolve(this.fromCache(hit, context))),
        () => undefined,
      );
      running.then(
        (table) => first(() => resolve(table)),
        (error: unknown) => first(() => reject(error)),
      );
    });
  }

  /** A cached answer, used: later queries (not cached) will need the tables, so they load meanwhile. */
  private fromCache(bytes: Uint8Array, context: SqlCellContext): Table {
    performance.mark('vollab:result cache hit');
    void this.prefetchTables(context.datasets).catch(() => undefined);
    return withDates(tableFromIPC(bytes));
  }

  /** Run the query and keep its answer under `key` (once the key is known; not when it is null). */
  private async runAndKeep(
    key: Promise<string | null>,
    sql: string,
    params: readonly unknown[],
    context: SqlCellContext,
  ): Promise<Table> {
    const result = await this.query(sql, params, context.datasets);
    void key
      .then((k) => (k ? this.resultCache.put(k, tableToIPC(result, 'stream')) : undefined))
      .catch(() => undefined);
    return result;
  }

  private async cacheKey(
    sql: string,
    params: readonly unknown[],
    context: SqlCellContext,
  ): Promise<string | null> {
    if (!ResultCache.available() || context.tables.length > 0 || !isCacheableQuery(sql))
      return null;
    // Only queries that read datasets alone: a table another cell creates has no version to key on.
    if (!context.referenced.every((t) => context.datasets.includes(t))) return null;
    const catalog = await this.catalog();
    const versions: string[] = [];
    for (const table of context.referenced) {
      const spec = this.slices.get(table) ?? { name: table };
      const entry = catalog.datasets.find((d) => d.name === spec.name);
      if (!entry) return null;
      versions.push(JSON.stringify([table, catalog.generatedAt, entry.rows, entry.bytes, spec]));
    }
    return resultCacheKey({ sql, params, datasets: versions });
  }

  /**
   * Load tables into the connector's engine: now, or once it has taken over from what answers meanwhile (the
   * sidecar, while DuckDB-WASM has not started).
   */
  async prefetchTables(tables: Iterable<string>): Promise<void> {
    const names = [...tables];
    if (this.db.answersBeforeLoad?.()) await this.db.handedOver?.();
    await this.ensureTables(names);
  }

  /**
   * Run SQL, loading any dataset it names on first use: a query that fails on a missing table that is a
   * dataset loads it and runs again.
   */
  async query(
    sql: string,
    params: readonly unknown[] = [],
    tablesHint: Iterable<string> = [],
  ): Promise<Table> {
    const loading = this.prefetchTables(tablesHint);
    // While the sidecar answers for DuckDB-WASM, the tables load once it has started; a load that fails is
    // tried again (and reported) when a query on DuckDB-WASM misses the table.
    if (this.db.answersBeforeLoad?.()) loading.catch(() => undefined);
    else await loading;
    const tried = new Set<string>();
    for (;;) {
      try {
        return await this.db.query(sql, params);
      } catch (error) {
        const missing = error instanceof QueryError ? missingTableName(error.message) : null;
        if (!missing || tried.has(missing)) throw error;
        const known = this.slices.has(missing) || (await this.entry(missing)) !== undefined;
        if (!known) throw error;
        tried.add(missing);
        await this.ensureTable(missing);
      }
    }
  }
}
