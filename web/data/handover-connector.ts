/**
 * The browser's connector on a cold open: DuckDB-WASM takes about a second to start, the sidecar's native
 * DuckDB is already up. Until DuckDB-WASM is ready, a read-only query is answered by the sidecar (same data:
 * the datasets and the notebook's slices; same Arrow column types, dates as `Date`s); from then on, and for
 * anything the sidecar cannot answer, DuckDB-WASM runs everything.
 */
import type { Table } from 'apache-arrow';
import { isCacheableQuery } from './cacheable-query';
import type { Connector } from './connector';
import type { RemoteQuery } from './sidecar-query';

export interface HandoverConnector extends Connector {
  /** True while queries go to the sidecar first: they need no table loaded into DuckDB-WASM. */
  answersBeforeLoad(): boolean;
}

/**
 * @example
 * const db = createHandoverConnector(getDuckDb(), sidecarQuery(() => store.sliceSpecs()), duckDbReady());
 */
export function createHandoverConnector(
  wasm: Connector,
  remote: RemoteQuery,
  wasmReady: Promise<unknown>,
): HandoverConnector {
  let handingOver = true;
  let wasmInUse!: () => void;
  // Tables are loaded into DuckDB-WASM once it has started, or as soon as a query had to run on it anyway (the
  // sidecar could not answer): that query's tables are then needed there.
  const handedOver = Promise.race([
    // A failed start is DuckDB-WASM's to report, on the next query, as before.
    wasmReady.then(
      () => void (handingOver = false),
      () => void (handingOver = false),
    ),
    new Promise<void>((resolve) => (wasmInUse = resolve)),
  ]);

  return {
    answersBeforeLoad: () => handingOver,
    handedOver: () => handedOver,
    async query(sql: string, params: readonly unknown[] = []): Promise<Table> {
      if (handingOver) {
        if (isCacheableQuery(sql)) {
          const answer = await remote(sql, params);
          if (answer) return answer;
        } else {
          // A statement that may write runs on DuckDB-WASM, and so does every read after it, which may
          // depend on what it wrote.
          handingOver = false;
        }
        wasmInUse();
      }
      return wasm.query(sql, params);
    },
    insertArrowIpc: (name, ipc) => wasm.insertArrowIpc(name, ipc),
    tables: () => wasm.tables(),
  };
}
