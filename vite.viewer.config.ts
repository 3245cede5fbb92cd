import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The read-only viewer of exports and share links (`web/viewer/`), built apart from the workbench so an export
 * carries only what reading needs. Relative asset URLs (`base: './'`), so the same build serves from any folder,
 * from `/s/<id>/`, and (with `VOLLAB_VIEWER_SINGLE=1`: every asset inlined, one script) from one HTML file.
 */
const single = process.env.VOLLAB_VIEWER_SINGLE === '1';
const inspectorCss = fileURLToPath(
  new URL('./node_modules/@observablehq/inspector/dist/inspector.css', import.meta.url),
);

export default defineConfig({
  root: 'web/viewer',
  base: './',
  publicDir: false,
  resolve: {
    alias: [
      { find: /^@observablehq\/inspector\/dist\/inspector\.css$/, replacement: inspectorCss },
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
