import { describe } from 'vitest';
import { createWasmConnector } from '../../../web/data/wasm-connector';
import { openBlocking } from './blocking-wasm';
import { connectorContract } from './connector-contract';

describe('DuckDB-WASM connector (blocking build in Node)', () => {
  const db = createWasmConnector(openBlocking);
  connectorContract(() => db);
});
