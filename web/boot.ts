// Imported first by main.ts, so it runs before the rest of the bundle is evaluated: DuckDB-WASM's start-up
// (about a second) is the longest step of opening a notebook, so it begins first, in its worker.
import { warmUp } from './runtime/duckdb';

warmUp();
