import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { collectPageErrors, waitForSettled } from './support/page';
import { startWorkbench, type Workbench } from './support/workbench';

const js = (source: string) => '```js\n' + source + '\n```\n';

/** Seeded random walks, the same on the main thread and in the workers. */
const seriesCell = (name: string, count: number, length: number) =>
  js(
    `const ${name} = Array.from({length: ${count}}, (_, i) => { const r = vol.random.createRng(i + 1); let v = 0; ` +
      `return Float64Array.from({length: ${length}}, () => (v += r.normal())); })`,
  );

/** A cell's check result: a `<pre class="check">` holding JSON. */
const checkCell = (expression: string) =>
  js(
    `display(Object.assign(document.createElement("pre"), {className: "check", textContent: JSON.stringify(${expression})}))`,
  );

const notebooks: Record<string, string> = {
  'compute-dtw.md': [
    '---\ntitle: Compute DTW\n---\n# DTW on the pool\n',
    seriesCell('series', 40, 120),
    js('const d = await compute("cluster.dtwMatrix", series, {window: 12})'),
    js('const ref = vol.cluster.dtwMatrix(series, {window: 12})'),
    checkCell(
      '{n: d.length, isFloat64: d instanceof Float64Array, same: d.every((x, i) => x === ref[i])}',
    ),
    js(
      'const hmm = await compute("regime.fitGaussianHmm", vol.series.logReturns(series[0].map((x) => Math.exp(x / 10))), {states: 2, seed: 1})',
    ),
    checkCell('{states: hmm.states, viterbi: hmm.viterbi.length}'),
  ].join('\n'),
  'compute-cancel.md': [
    '---\ntitle: Compute cancel\n---\n# Cancel\n',
    // 28.7 G DP cells: long enough to cancel mid-way even at the wasm kernel's ~2 G cells/s per worker.
    seriesCell('big', 300, 800),
    js('const long = await compute("cluster.dtwMatrix", big)'),
    js('const k = view(Inputs.range([1, 10], {value: 1, step: 1, label: "k"}))'),
    js('const small = await compute("cluster.dtwMatrix", big.slice(0, 4 + k), {window: 5})'),
    checkCell('{n: small.length}'),
  ].join('\n'),
  'compute-tf.md': [
    '---\ntitle: tfjs\n---\n# tfjs\n',
    js(`const trained = await (async () => {
  const model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1], kernelInitializer: "zeros"})]});
  model.compile({optimizer: tf.train.sgd(0.05), loss: "meanSquaredError"});
  const xs = tf.tensor2d([0, 1, 2, 3, 4], [5, 1]);
  const ys = tf.tensor2d([1, 3, 5, 7, 9], [5, 1]);
  const history = await model.fit(xs, ys, {epochs: 300, verbose: 0});
  const [w, b] = model.getWeights().map((t) => t.dataSync()[0]);
  return {backend: tf.getBackend(), loss: history.history.loss.at(-1), w, b};
})()`),
    checkCell('trained'),
    js(
      'const rv = Float64Array.from({length: 200}, (_, i) => Math.sin(i / 5) + 0.1 * Math.cos(i * 1.3))',
    ),
    js(
      'const net = await compute("forecast.fitNeural", rv, {kind: "lstm", lookback: 8, units: 6, epochs: 4, seed: 1})',
    ),
    checkCell('{backend: net.backend, kind: net.json.kind, losses: Array.from(net.lossHistory)}'),
    js('const saved = await models.save("e2e-ar", vol.forecast.fitAr(rv, 2))'),
    js('const loaded = (saved, await models.load("e2e-ar"))'),
    checkCell(
      '{kind: loaded.kind, same: loaded.coefficients.every((c, i) => c === vol.forecast.fitAr(rv, 2).coefficients[i]), listed: (await models.list()).map((m) => m.name)}',
    ),
  ].join('\n'),
};

describe('long computations in the browser', () => {
  let workbench: Workbench;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let modelsDir: string;

  beforeAll(async () => {
    modelsDir = await mkdtemp(join(tmpdir(), 'vollab-models-'));
    process.env.VOLLAB_MODELS_DIR = modelsDir;
    workbench = await startWorkbench();
    for (const [name, text] of Object.entries(notebooks))
      await writeFile(join(workbench.notebooksDir, name), text);
    ({ context, close: closeBrowser } = await launchChromium());
    await workbench.signIn(context);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await workbench?.close();
    delete process.env.VOLLAB_MODELS_DIR;
    await rm(modelsDir, { recursive: true, force: true });
  });

  async function open(name: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${workbench.url}/notebooks/${name}`);
    return { page, errors };
  }

  const cell = (page: Page, text: string): Locator =>
    page.locator('vol-notebook-page [data-cell-id]').filter({ hasText: text });

  async function checks(page: Page): Promise<unknown[]> {
    const texts = await page.locator('vol-notebook-page pre.check').allTextContents();
    return texts.map((t) => JSON.parse(t) as unknown);
  }

  it('computes the DTW matrix on the worker pool, equal to the main-thread matrix', async () => {
    const { page, errors } = await open('compute-dtw');
    const states = await waitForSettled(page);
    expect(states.filter((s) => s.status === 'error')).toEqual([]);
    expect(await checks(page)).toEqual([
      { n: (40 * 39) / 2, isFloat64: true, same: true },
      { states: 2, viterbi: 119 },
    ]);
    expect(await page.locator('vol-notebook-page [data-progress]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows progress for a long task, cancels it, and keeps the page and the pool working', async () => {
    const { page, errors } = await open('compute-cancel');
    const long = cell(page, 'const long');
    const progress = long.locator('[data-progress]');
    await progress.waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () =>
        Number(
          document
            .querySelector('vol-notebook-page [data-progress]')
            ?.getAttribute('data-progress'),
        ) > 0,
      null,
      { timeout: 30_000, polling: 50 },
    );
    // The main thread is free while both workers compute: animation frames keep running and see the progress
    // advance while the cell is still running (a blocked main thread would render nothing until the task ended).
    const before = Number(await progress.getAttribute('data-progress'));
    await page.waitForFunction(
      (p0) => {
        const bar = document.querySelector('vol-notebook-page [data-progress]');
        return Number(bar?.getAttribute('data-progress')) > p0;
      },
      before,
      { timeout: 30_000, polling: 'raf' },
    );
    expect(await long.getAttribute('data-status')).toBe('running');

    await long.locator('[data-cancel]').click();
    await page.waitForFunction(
      () => {
        const cells = [...document.querySelectorAll('vol-notebook-page [data-cell-id]')];
        return cells.some((c) => c.getAttribute('data-error') === 'cancelled');
      },
      null,
      { timeout: 5_000, polling: 20 },
    );
    expect(await long.getAttribute('data-status')).toBe('error');
    expect(await long.getAttribute('data-error')).toBe('cancelled');
    expect(await progress.count()).toBe(0);

    // The cell queued behind the long task now runs; then it re-runs when its input changes.
    await waitForSettled(page);
    expect(await checks(page)).toEqual([{ n: 10 }]);
    const slider = page.locator('vol-notebook-page input[type=range]').first();
    await slider.fill('4');
    await slider.dispatchEvent('input');
    await page.waitForFunction(
      () => document.querySelector('vol-notebook-page pre.check')?.textContent === '{"n":28}',
      null,
      { timeout: 10_000, polling: 20 },
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('trains a tiny model with tf on the wasm backend, an LSTM in a worker, and stores a model', async () => {
    const { page, errors } = await open('compute-tf');
    const states = await waitForSettled(page, 90_000);
    expect(states.filter((s) => s.status === 'error')).toEqual([]);
    const [trained, net, stored] = (await checks(page)) as [
      { backend: string; loss: number; w: number; b: number },
      { backend: string; kind: string; losses: number[] },
      { kind: string; same: boolean; listed: string[] },
    ];
    expect(trained.backend).toBe('wasm');
    expect(trained.loss).toBeLessThan(0.01);
    expect(trained.w).toBeCloseTo(2, 1);
    expect(trained.b).toBeCloseTo(1, 1);
    expect(net.backend).toBe('wasm');
    expect(net.kind).toBe('neural');
    expect(net.losses).toHaveLength(4);
    expect(net.losses[3]).toBeLessThan(net.losses[0]!);
    expect(stored).toEqual({ kind: 'ar', same: true, listed: ['e2e-ar'] });
    expect(errors).toEqual([]);
    await page.close();
  });
});
