// First import: modules evaluate in order, so DuckDB starts before the rest of the workbench is evaluated.
import './boot';
import '@observablehq/inputs/dist/index.css';
import '@observablehq/inspector/dist/inspector.css';
import './components/vol-app';
import { getServices } from './runtime/services';

// The page's DuckDB and dataset store, for the browser console (`await vollab.db.query('…')`) and benchmarks.
Object.assign(globalThis, { vollab: getServices() });
document.body.append(document.createElement('vol-app'));
