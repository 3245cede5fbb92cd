/**
 * Long computations in the browser: the DTW matrix (200 series × 252 points, 10% band) split across the
 * worker pool in headless chromium, against one thread in Node; an LSTM trained in a browser worker. The
 * browser figures are measured inside the page (a notebook cell times its own `compute` calls).
 * Needs built assets and datasets: set VOLLAB_WEB_DIST (default: a temp dir, never web/dist) and VOLLAB_DATA_DIR.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { bandWidth, dtwMatrix, zNormalize } from '../../cells/cluster';
import { createRng } from '../../cells/random';
import type { Workbench } from '../e2e/support/workbench';
import type { BenchSuite } from './harness';

const n = 200;
const length = 252;
const w = bandWidth(length, length, 0.1);
let cellsPerPair = 0;
for (let i = 1; i <= length; i++) cellsPerPair += Math.min(length, i + w) - Math.max(1, i - w) + 1;
const bandCells = ((n * (n - 1)) / 2) * cellsPerPair;

// The same series as cluster.bench.ts, built the same way in the page.
const rng = createRng(7);
const series = Array.from({ length: n }, () => {
  let v = 0;
  return zNormalize(Float64Array.from({ length }, () => (v += rng.normal())));
});

const fence = (source: string) => '```js\n' + source + '\n```\n';
const report = (expression: string) =>
  fence(
    `display(Object.assign(document.createElement("pre"), {className: "check", textContent: JSON.stringify(${expression})}))`,
  );

const notebooks = {
  'bench-dtw.md': [
    '# DTW bench\n',
    fence(
      `const series = (() => { const rng = vol.random.createRng(7); return Array.from({length: ${n}}, () => { let v = 0; return vol.cluster.zNormalize(Float64Array.from({length: ${length}}, () => (v += rng.normal()))); }); })()`,
    ),
    // DuckDB-WASM starts only once the notebook has settled (boot.ts), after the timed cells: it does not share
    // the cores with them.
    fence(`const ms = await (async () => {
  await compute("cluster.dtwMatrix", series.slice(0, 8), {window: 0.1}); // start every worker
  const t0 = performance.now();
  await compute("cluster.dtwMatrix", series, {window: 0.1});
  return performance.now() - t0;
})()`),
    // After the pool run (it reads `ms`), the same matrix on the page's main thread: same engine, one core.
    fence(
      'const singleMs = (ms, (() => { const t0 = performance.now(); vol.cluster.dtwMatrix(series, {window: 0.1}); return performance.now() - t0; })())',
    ),
    // The plain JS kernel, the fallback where WebAssembly SIMD is missing.
    fence(
      'const singleJsMs = (singleMs, (() => { const t0 = performance.now(); vol.cluster.dtwMatrix(series, {window: 0.1, engine: "js"}); return performance.now() - t0; })())',
    ),
    report('{ms, singleMs, singleJsMs}'),
  ].join('\n'),
  'bench-lstm.md': [
    '# LSTM bench\n',
    fence(
      'const x = (() => { const rng = vol.random.createRng(3); let v = 0; return Float64Array.from({length: 1020}, () => (v = 0.9 * v + rng.normal())); })()',
    ),
    fence(`const result = await (async () => {
  const t0 = performance.now();
  const fit = await compute("forecast.fitNeural", x, {kind: "lstm", lookback: 20, units: 16, epochs: 5, batchSize: 32, seed: 1});
  return {ms: performance.now() - t0, backend: fit.backend};
})()`),
    report('result'),
  ].join('\n'),
};

let workbench: Workbench;
let context: BrowserContext;
let closeBrowser: () => Promise<void>;
let page: Page;

interface Measured {
  ms: number;
  singleMs?: number;
  singleJsMs?: number;
  backend?: string;
}

let lastDtw: Measured | null = null;

async function measure(name: string): Promise<Measured> {
  await page.goto(`${workbench.url}/notebooks/${name}`);
  const text = await page
    .locator('vol-notebook-page pre.check')
    .first()
    .textContent({ timeout: 300_000 });
  return JSON.parse(text!) as Measured;
}

export const suite: BenchSuite = {
  name: 'compute',
  async setup() {
    process.env.VOLLAB_WEB_DIST ??= join(tmpdir(), 'vollab-bench-dist');
    const { startWorkbench } = await import('../e2e/support/workbench');
    const { launchChromium } = await import('../e2e/support/browser');
    workbench = await startWorkbench();
    for (const [file, text] of Object.entries(notebooks))
      await writeFile(join(workbench.notebooksDir, file), text);
    ({ context, close: closeBrowser } = await launchChromium());
    await workbench.signIn(context);
    page = await context.newPage();
  },
  async teardown() {
    await closeBrowser?.();
    await workbench?.close();
  },
  cases: [
    {
      name: `DTW matrix ${n} × ${length}, 10% band, worker pool in chromium`,
      runs: 3,
      goal: '>= 400 M cells/s',
      run: async () => {
        lastDtw = await measure('bench-dtw');
        return { value: bandCells / lastDtw.ms / 1e3, unit: 'M cells/s' };
      },
    },
    {
      name: `  same, one thread in chromium (main thread, measured in the same page load)`,
      runs: 3,
      goal: '>= 250 M cells/s',
      run: async () => {
        lastDtw = await measure('bench-dtw');
        return { value: bandCells / lastDtw.singleMs! / 1e3, unit: 'M cells/s' };
      },
    },
    {
      name: `  same, one thread in chromium, plain JS kernel (the fallback without wasm SIMD)`,
      runs: 3,
      run: async () => {
        lastDtw = await measure('bench-dtw');
        return { value: bandCells / lastDtw.singleJsMs! / 1e3, unit: 'M cells/s' };
      },
    },
    {
      name: `  speed-up of the pool over one chromium thread`,
      runs: 3,
      run: async () => {
        lastDtw = await measure('bench-dtw');
        return { value: lastDtw.singleMs! / lastDtw.ms, unit: '×' };
      },
    },
    {
      name: `DTW matrix ${n} × ${length}, 10% band, one thread in Node`,
      runs: 3,
      goal: '>= 250 M cells/s',
      items: { count: bandCells, unit: 'cells' },
      run: () => void dtwMatrix(series, { window: 0.1 }),
    },
    {
      name: `  same, plain JS kernel (the fallback without wasm SIMD)`,
      runs: 3,
      items: { count: bandCells, unit: 'cells' },
      run: () => void dtwMatrix(series, { window: 0.1, engine: 'js' }),
    },
    {
      name: 'LSTM 1,000 sequences × 20 steps, 5 epochs, in a browser worker',
      runs: 3,
      run: async () => {
        const { ms, backend } = await measure('bench-lstm');
        if (backend !== 'wasm') console.warn(`  (LSTM trained on ${String(backend)})`);
        return { value: ms / 1000, unit: 's' };
      },
    },
  ],
};
