// Imported first by main.ts, so it runs before the rest of the bundle is evaluated.
//
// DuckDB-WASM's start-up (fetching and compiling a 34 MB module in its worker, about a second of a core) waits
// until the first notebook has settled: until then the sidecar answers the notebook's read-only SQL
// (handover-connector.ts). A query the sidecar cannot answer starts it at once (the connector opens its
// session on first use).
import { warmUp } from './runtime/duckdb';
import { afterFirstNotebook } from './runtime/page-events';

afterFirstNotebook(warmUp);
