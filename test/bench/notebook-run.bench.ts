/**
 * Each bundled notebook run headless (`runNotebook`, what `npm run notebook -- run` does after start-up):
 * parse, compile, define, load the datasets from Parquet into native DuckDB, run every cell with its defaults.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureBundledDatasets } from '../../server/datasets/generate';
import { runNotebook } from '../../server/notebook-runner/run';
import type { BenchSuite } from './harness';

const root = resolve(import.meta.dirname, '../..');
const datasetsDir = process.env.VOLLAB_DATA_DIR ?? resolve(root, 'datasets');
const notebooks = readdirSync(resolve(root, 'notebooks'))
  .filter((f) => f.endsWith('.md'))
  .sort();

export const suite: BenchSuite = {
  name: 'notebook-run',
  setup: async () => {
    await ensureBundledDatasets(datasetsDir);
  },
  cases: notebooks.map((file) => ({
    name: `headless ${file}`,
    runs: 3,
    run: async () => {
      const report = await runNotebook(resolve(root, 'notebooks', file), { datasetsDir });
      if (!report.ok) throw new Error(`${file}: a cell failed`);
    },
  })),
};
