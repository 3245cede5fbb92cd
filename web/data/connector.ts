/**
 * The one interface in front of DuckDB, after Mosaic's `Connector`: DuckDB-WASM in the browser
 * (`duckdb-client.ts`) and native DuckDB in Node (`server/db/native-connector.ts`) answer the same calls with
 * the same Arrow column types (BIGINT and DECIMAL as Float64, DATE and TIMESTAMP as Date64 read as `Date`s, see
 * `dated-table.ts`) and fail with the same `QueryError`. Type-only: importable from both sides.
 */
import type { Table } from 'apache-arrow';

export interface Connector {
  /** Run SQL with `?` parameters bound in order; resolves to an Arrow table, rejects with a `QueryError`. */
  query(sql: string, params?: readonly unknown[]): Promise<Table>;
  /** Create or replace table `name` from Arrow IPC stream bytes. */
  insertArrowIpc(name: string, ipc: Uint8Array): Promise<void>;
  /** Names of the tables in the main schema, sorted. */
  tables(): Promise<string[]>;
  /**
   * True while a query may run before the datasets it reads are loaded (`handover-connector.ts` answering from
   * the sidecar while DuckDB-WASM starts); absent means false.
   */
  answersBeforeLoad?(): boolean;
  /**
   * While `answersBeforeLoad()`, settles when the connector's own engine has taken over: loading datasets into it
   * waits for this, so that a cold open's first answers do not share the machine with the engine's start-up.
   */
  handedOver?(): Promise<void>;
}

/** The SQL that lists the main schema's tables, shared by both connectors. */
export const LIST_TABLES_SQL =
  "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1";
