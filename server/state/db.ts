/**
 * The sidecar's durable state: one DuckDB database file (`vollab.duckdb` under the data directory, or
 * `VOLLAB_STATE_DB`), written only by the sidecar through ONE connection and a serial queue, every write in a
 * transaction. DuckDB appends each commit to its write-ahead log (`vollab.duckdb.wal`) before `COMMIT` returns,
 * so a write whose promise resolved survives `kill -9`: the next open replays the log. `CHECKPOINT` folds the
 * log into the file every `checkpointEvery` writes and on close.
 *
 * Modules own their tables: each calls `migrate(module, steps)` once at start with its ordered list of steps
 * (each step one or more SQL statements); steps already applied (recorded in `state_migrations`) are skipped,
 * new ones run in a transaction each. Never edit a shipped step: append a new one.
 *
 * @example
 * const db = await openStateDb(config.stateDb);
 * await db.migrate('alerts', [[`CREATE TABLE alert_rules (id VARCHAR PRIMARY KEY, body VARCHAR NOT NULL)`]]);
 * await db.write(async (tx) => {
 *   await tx.run('INSERT INTO alert_rules VALUES (?, ?)', ['r1', '{}']);
 * }); // resolved: committed and in the WAL
 * const rows = await db.read('SELECT * FROM alert_rules');
 * await db.close();
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { QueryError, type SqlParams } from '../db/duckdb';
import { createSerialQueue } from '../util/serial-queue';

export type StateRow = Record<string, unknown>;

/** What a `write` callback may do: statements inside the one open transaction. */
export interface StateTx {
  /** Run a statement; its rows as plain JS objects (BIGINT → bigint, TIMESTAMP → Date). */
  all(sql: string, params?: SqlParams): Promise<StateRow[]>;
  /** Run a statement for its effect. */
  run(sql: string, params?: SqlParams): Promise<void>;
}

export interface StateDb {
  readonly path: string;
  /**
   * Run `fn` in a transaction (BEGIN … COMMIT, ROLLBACK if it throws), after every earlier write and read.
   * When the promise resolves the transaction is committed and durable.
   */
  write<T>(fn: (tx: StateTx) => Promise<T>): Promise<T>;
  /** One query, in order with the writes (it sees every write that resolved before it was called). */
  read(sql: string, params?: SqlParams): Promise<StateRow[]>;
  /**
   * Run `fn` in a read-only transaction on a second connection, beside the writes: every statement in it sees
   * the same committed state (a consistent snapshot across tables, e.g. for exporting them). `generation` is
   * the write count before it began: the snapshot holds at least those writes.
   */
  snapshot<T>(fn: (tx: StateTx, generation: number) => Promise<T>): Promise<T>;
  /** How many write transactions (migrations included) have committed since open. */
  readonly generation: number;
  /** Call `listener` after each committed write; returns the unsubscribe. */
  onCommit(listener: () => void): () => void;
  /** Create or upgrade a module's tables (see the file comment). Returns how many steps ran. */
  migrate(module: string, steps: readonly (string | readonly string[])[]): Promise<number>;
  /** Checkpoint, then close the connection and the file. Later calls reject. */
  close(): Promise<void>;
}

export interface StateDbOptions {
  /** CHECKPOINT after this many writes (default 1000); the WAL alone is already durable. */
  checkpointEvery?: number;
}

/** Open (creating it and its folder if needed) the state database at `path`. */
export async function openStateDb(path: string, options: StateDbOptions = {}): Promise<StateDb> {
  await mkdir(dirname(path), { recursive: true });
  const instance = await DuckDBInstance.create(path, {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: '1',
  }).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (/lock/i.test(message))
      throw new Error(
        `the state database ${path} is in use by another process (one sidecar per VOLLAB_STATE_DB)`,
        { cause: error },
      );
    throw error;
  });
  const conn = await DuckDBConnection.create(instance);
  const serial = createSerialQueue();
  const snapshots = createSerialQueue();
  let reader: DuckDBConnection | null = null;
  const checkpointEvery = options.checkpointEvery ?? 1000;
  let writes = 0;
  let closed = false;
  const listeners = new Set<() => void>();

  const all = async (sql: string, params?: SqlParams): Promise<StateRow[]> => {
    try {
      const reader = await conn.runAndReadAll(sql, params);
      return reader.getRowObjectsJS() as StateRow[];
    } catch (error) {
      throw QueryError.from(error, sql);
    }
  };
  const tx: StateTx = {
    all,
    run: async (sql, params) => {
      await all(sql, params);
    },
  };
  const guard = () => {
    if (closed) throw new Error('the state database is closed');
  };

  const transaction = async <T>(fn: (t: StateTx) => Promise<T>): Promise<T> => {
    guard();
    await all('BEGIN TRANSACTION');
    let result: T;
    try {
      result = await fn(tx);
    } catch (error) {
      await all('ROLLBACK').catch(() => undefined);
      throw error;
    }
    await all('COMMIT');
    if (++writes % checkpointEvery === 0) await all('CHECKPOINT').catch(() => undefined);
    for (const listener of listeners) {
      try {
        listener();
      } catch {
        // A listener's failure is its own: the transaction is committed either way.
      }
    }
    return result;
  };

  await all(
    `CREATE TABLE IF NOT EXISTS state_migrations (module VARCHAR, step INTEGER, applied_at TIMESTAMP DEFAULT current_timestamp, PRIMARY KEY (module, step))`,
  );

  return {
    path,
    write: (fn) => serial(() => transaction(fn)),
    // A second connection: DuckDB's MVCC gives it the committed state as of BEGIN, so a long export reads a
    // consistent snapshot without holding up the writes queued on the first.
    snapshot: (fn) =>
      snapshots(async () => {
        guard();
        const before = writes;
        reader ??= await DuckDBConnection.create(instance);
        const r = reader;
        const rall = async (sql: string, params?: SqlParams): Promise<StateRow[]> => {
          try {
            return (await r.runAndReadAll(sql, params)).getRowObjectsJS() as StateRow[];
          } catch (error) {
            throw QueryError.from(error, sql);
          }
        };
        await rall('BEGIN TRANSACTION READ ONLY');
        try {
          return await fn(
            { all: rall, run: async (sql, params) => void (await rall(sql, params)) },
            before,
          );
        } finally {
          await rall('ROLLBACK').catch(() => undefined);
        }
      }),
    get generation() {
      return writes;
    },
    onCommit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read: (sql, params) =>
      serial(async () => {
        guard();
        return all(sql, params);
      }),
    migrate: (module, steps) =>
      serial(async () => {
        guard();
        const rows = await all(
          'SELECT coalesce(max(step), -1) AS last FROM state_migrations WHERE module = ?',
          [module],
        );
        const last = Number(rows[0]?.last ?? -1);
        let ran = 0;
        for (let step = last + 1; step < steps.length; step++) {
          const statements = steps[step]!;
          await transaction(async (t) => {
            for (const sql of typeof statements === 'string' ? [statements] : statements)
              await t.run(sql);
            await t.run('INSERT INTO state_migrations (module, step) VALUES (?, ?)', [
              module,
              step,
            ]);
          });
          ran++;
        }
        return ran;
      }),
    close: () =>
      serial(async () => {
        if (closed) return;
        await all('CHECKPOINT').catch(() => undefined);
        closed = true;
        await snapshots(async () => reader?.closeSync());
        conn.closeSync();
        instance.closeSync();
      }),
  };
}
