import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { htlCspHandlers } from './server/build/htl-csp-handlers.ts';

/**
 * The read-only viewer of exports and share links (`web/viewer/`), built apart from the workbench so an export
 * carries only what reading needs. Relative asset URLs (`base: './'`), so the same build serves from any folder,
 * from `/s/<id>/`, and (with `VOLLAB_VIEWER_SINGLE=1`: every asset inlined, one script) from one HTML file.
 */
const single = process.env.VOLLAB_VIEWER_SINGLE === '1';
const inspectorCss = fileURLToPath(
  new URL('./node_modules/@observablehq/inspector/dist/inspector.css', import.meta.url),
);

const singleFileAliases = [
  ['@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm', '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'],
  [
    '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js',
    '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js',
  ],
  [
    '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm',
    '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm',
  ],
  [
    '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm',
    '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm',
  ],
].map(([from, to]) => ({
  find: new RegExp(`^${from!.replaceAll('.', '\\.').replaceAll('/', '\\/')}(\\?url)?$`),
  replacement: `${to}$1`,
}));

export default defineConfig({
  root: 'web/viewer',
  // Inputs render in exports too: no inline `on…` attribute may reach the parser (see the plugin).
  plugins: [htlCspHandlers()],
  base: './',
  publicDir: false,
  resolve: {
    alias: [
      { find: /^@observablehq\/inspector\/dist\/inspector\.css$/, replacement: inspectorCss },
      // One file carries one copy of each engine: the exception-handling DuckDB build (every current browser
      // has wasm exceptions) and tfjs's SIMD kernel, instead of every variant inlined as base64 (~50 MB less).
      ...(single ? singleFileAliases : []),
    ],
  },
  build: {
    outDir: single ? '../dist-viewer-single' : '../dist-viewer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 80000,
    assetsInlineLimit: single ? Number.MAX_SAFE_INTEGER : 4096,
    cssCodeSplit: !single,
    rollupOptions: single ? { output: { inlineDynamicImports: true } } : {},
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
});
