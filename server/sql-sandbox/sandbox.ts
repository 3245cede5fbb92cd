/**
 * Read-only SQL over the catalog's datasets: DuckDB parses the statement, the pure validator checks the tree,
 * then it runs on the locked instance with a timeout (by interrupt), at most `maxRows` rows kept and the
 * total counted. Used by the assistant's `run_sql` tool and reusable for notebooks' read-only SQL cells.
 */
import {
  DuckDBConnection,
  JsonDuckDBValueConverter,
  type DuckDBInstance,
  type DuckDBPreparedStatement,
} from '@duckdb/node-api';
import type { CatalogReader } from '../datasets/catalog-reader';
import type { DatasetCatalog } from '../contract';
import { checkSqlTree, type SerializedSql, type SqlVerdict } from './validate';
import { defineDatasetViews, openSandboxInstance } from './instance';

export interface SandboxOptions {
  datasetsDir: string;
  catalog: CatalogReader;
  /** Wall-clock budget per query (default 10 s). */
  timeoutMs?: number;
  /** DuckDB memory limit of the sandbox instance (default `'1GB'`). */
  memoryLimit?: string;
  /** Rows kept in a result (default 1,000); the total is still counted. */
  maxRows?: number;
  /** Longest statement accepted, in characters (default 20,000). */
  maxSqlLength?: number;
}

export interface SandboxResult {
  columns: { name: string; type: string }[];
  /** Row-major, JSON-safe values (BIGINT beyond 2^53 as strings, timestamps as ISO text). */
  rows: unknown[][];
  /** Rows the query produced in total; `rows` holds the first `maxRows`. */
  totalRows: number;
  truncated: boolean;
}

/** A statement refused by the validator or stopped while running; the message is safe to show. */
export class SandboxError extends Error {
  override readonly name = 'SandboxError';
}

export interface SqlSandbox {
  /** Parse and validate only; `extraTables` are names the caller defines too (a notebook's slices). */
  check(sql: string, extraTables?: readonly string[]): Promise<SqlVerdict>;
  /** Check, then run; throws `SandboxError` when refused, failing, or stopped by a limit. */
  run(sql: string): Promise<SandboxResult>;
  /**
   * `work` on a fresh connection of the locked instance, with the dataset views defined and the time limit
   * armed; failures come back as `SandboxError`s. Check the statement first: `session` runs what it is given.
   */
  session<T>(work: (db: DuckDBConnection) => Promise<T>): Promise<T>;
  /** Open the instance and define the views now, in the background, so the first query need not wait. */
  warm(): void;
  close(): void;
}

/**
 * @example
 * const sandbox = createSqlSandbox({ datasetsDir, catalog });
 * const { rows, totalRows } = await sandbox.run('SELECT count(*) FROM ohlcv_daily');
 */
export function createSqlSandbox(options: SandboxOptions): SqlSandbox {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRows = options.maxRows ?? 1000;
  const maxSqlLength = options.maxSqlLength ?? 20_000;
  let state: Promise<{ instance: DuckDBInstance; parser: DuckDBPreparedStatement }> | null = null;
  let viewsFor: string | null = null;
  let defining: Promise<unknown> = Promise.resolve();
  let parseQueue: Promise<unknown> = Promise.resolve();

  function ready() {
    state ??= (async () => {
      const instance = await openSandboxInstance(options.datasetsDir, {
        memoryLimit: options.memoryLimit ?? '1GB',
        threads: 2,
      });
      const db = await DuckDBConnection.create(instance);
      const parser = await db.prepare('SELECT json_serialize_sql($1::VARCHAR) AS tree');
      return { instance, parser };
    })();
    return state;
  }

  async function check(sql: string, extraTables: readonly string[] = []): Promise<SqlVerdict> {
    if (typeof sql !== 'string' || sql.trim() === '')
      return { ok: false, reason: 'empty statement' };
    if (sql.length > maxSqlLength)
      return { ok: false, reason: `statement longer than ${maxSqlLength} characters` };
    const { parser } = await ready();
    // One prepared statement, so bind-then-run must not interleave with another check.
    const parsing = parseQueue.then(async () => {
      parser.bindVarchar(1, sql);
      return (await parser.runAndReadAll()).getRows()[0]?.[0];
    });
    parseQueue = parsing.catch(() => undefined);
    const tree = JSON.parse(String(await parsing)) as SerializedSql;
    const catalog = await options.catalog.read();
    return checkSqlTree(tree, new Set([...catalog.datasets.map((d) => d.name), ...extraTables]));
  }

  async function run(sql: string): Promise<SandboxResult> {
    const verdict = await check(sql);
    if (!verdict.ok) throw new SandboxError(`refused: ${verdict.reason}`);
    return session((db) => streamRows(db, sql, maxRows));
  }

  async function session<T>(work: (db: DuckDBConnection) => Promise<T>): Promise<T> {
    const { instance } = await ready();
    const db = await DuckDBConnection.create(instance);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      db.interrupt();
    }, timeoutMs);
    try {
      const catalog = await options.catalog.read();
      // One definer at a time (two creating the same views at once conflict), and only when the views change.
      const key = viewsKey(catalog);
      const step = defining.then(async () => {
        if (viewsFor === key) return;
        await defineDatasetViews(db, options.datasetsDir, catalog);
        viewsFor = key;
      });
      defining = step.catch(() => undefined);
      await step;
      return await work(db);
    } catch (error) {
      if (error instanceof SandboxError) throw error;
      if (timedOut)
        throw new SandboxError(`stopped: the query ran longer than ${timeoutMs / 1000} s`);
      const message = error instanceof Error ? error.message : String(error);
      throw new SandboxError(scrubPaths(message, options.datasetsDir), { cause: error });
    } finally {
      clearTimeout(timer);
      db.closeSync();
    }
  }

  return {
    check,
    run,
    session,
    warm() {
      void session(async () => undefined).catch(() => undefined);
    },
    close() {
      void state?.then(({ instance, parser }) => {
        parser.destroySync();
        instance.closeSync();
      });
      state = null;
    },
  };
}

async function streamRows(
  db: DuckDBConnection,
  sql: string,
  maxRows: number,
): Promise<SandboxResult> {
  const result = await db.stream(sql);
  const names = result.deduplicatedColumnNames();
  const types = result.columnTypes().map((t) => t.toString());
  const wide = types.flatMap((t, i) => (/^(U?BIGINT|U?HUGEINT)$/.test(t) ? [i] : []));
  const rows: unknown[][] = [];
  let totalRows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    if (rows.length < maxRows) {
      for (const row of chunk.convertRows(JsonDuckDBValueConverter)) {
        if (rows.length >= maxRows) break;
        for (const i of wide) (row as unknown[])[i] = safeNumber(row[i]);
        rows.push(row);
      }
    }
    totalRows += chunk.rowCount;
  }
  return {
    columns: names.map((name, i) => ({ name, type: types[i] ?? 'UNKNOWN' })),
    rows,
    totalRows,
    truncated: totalRows > rows.length,
  };
}

/** 64/128-bit integers come back as text; within 2^53 they are plain numbers again. */
function safeNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

/** What the dataset views depend on: each dataset's name and partition files. */
function viewsKey(catalog: DatasetCatalog): string {
  return JSON.stringify(catalog.datasets.map((d) => [d.name, d.partitions.map((p) => p.path)]));
}

/** DuckDB names files in its errors; the model and the browser get `<datasets>` instead of the real path. */
function scrubPaths(message: string, datasetsDir: string): string {
  return message.replaceAll(datasetsDir, '<datasets>');
}
