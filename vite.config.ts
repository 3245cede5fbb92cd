import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
// The plugin's imports with their .ts extension: Vite's native config loader (its future default) needs them.
import { volDocs } from './server/library-docs/vite-plugin.ts';
import { htlCspHandlers } from './server/build/htl-csp-handlers.ts';

// The inspector's stylesheet is not in its package's `exports`: point at the file.
const inspectorCss = fileURLToPath(
  new URL('./node_modules/@observablehq/inspector/dist/inspector.css', import.meta.url),
);

/** One config for the workbench build (root `web/`) and the three test projects. */
export default defineConfig({
  root: 'web',
  publicDir: false,
  plugins: [volDocs(fileURLToPath(new URL('.', import.meta.url))), htlCspHandlers()],
  resolve: {
    alias: [
      { find: /^@observablehq\/inspector\/dist\/inspector\.css$/, replacement: inspectorCss },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  server: {
    proxy: {
      '/api': { target: `http://127.0.0.1:${process.env.VOLLAB_API_PORT ?? '8787'}`, ws: true },
      '/datasets': `http://127.0.0.1:${process.env.VOLLAB_API_PORT ?? '8787'}`,
    },
  },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: ['test/{cells,web,server}/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          root: '.',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/support/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
