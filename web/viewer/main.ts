// The read-only viewer of static exports and share links: no sidecar, no editor, DuckDB-WASM only on demand.
import '@observablehq/inputs/dist/index.css';
import '@observablehq/inspector/dist/inspector.css';
import './viewer-page';

document.body.append(document.createElement('vol-viewer'));
