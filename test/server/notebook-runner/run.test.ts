import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as vol from '../../../cells/index';
import { ensureBundledDatasets } from '../../../server/datasets/generate';
import { runNotebook, type RunOptions } from '../../../server/notebook-runner/run';

const datasetsDir =
  process.env.VOLLAB_DATA_DIR ?? resolve(import.meta.dirname, '../../../datasets');
let modelsDir = '';

const fence = (info: string, body: string) => `\`\`\`${info}\n${body}\n\`\`\`\n`;
const run = (text: string, options: RunOptions = {}) =>
  runNotebook({ text, name: 'test.md' }, { datasetsDir, modelsDir, ...options });

beforeAll(async () => {
  await ensureBundledDatasets(datasetsDir);
  modelsDir = await mkdtemp(join(tmpdir(), 'vollab-models-'));
});
afterAll(() => rm(modelsDir, { recursive: true, force: true }));

describe('runNotebook', () => {
  it('loads a front-matter slice and hands date columns to cells as Date objects', async () => {
    const report = await run(
      '---\ndatasets:\n  - {name: ohlcv_daily, where: {symbol: ETH}}\n---\n' +
        fence('sql id=days', 'SELECT date, symbol, close FROM ohlcv_daily ORDER BY date') +
        fence(
          'js',
          'const first = days.toArray()[0]\nconst objects = aq.fromArrow(days).objects()\nconst closes = days.getChild("close").toArray()\nconst symbols = new Set(days.getChild("symbol").toArray())',
        ),
    );
    expect(report.ok).toBe(true);
    const v = report.values as {
      first: { date: unknown };
      objects: { date: unknown }[];
      closes: unknown;
      symbols: Set<string>;
    };
    expect(v.first.date).toBeInstanceOf(Date);
    expect(v.objects.at(-1)!.date).toBeInstanceOf(Date);
    expect(v.closes).toBeInstanceOf(Float64Array);
    expect([...v.symbols]).toEqual(['ETH']); // the slice, not the whole dataset
  });

  it('gives view() inputs their default value, and the value passed in inputs by name', async () => {
    const text =
      fence('js', 'const n = view(Inputs.range([1, 10], {step: 1, value: 3}))') +
      fence('js', 'const twice = n * 2');
    expect((await run(text)).values.twice).toBe(6);
    expect((await run(text, { inputs: { n: 5 } })).values.twice).toBe(10);
    await expect(run(text, { inputs: { m: 1 } })).rejects.toThrow(
      /unknown input: m \(this notebook's inputs: n\)/,
    );
  });

  it('reports a failing cell with its error, its dependents in error, and the rest ok', async () => {
    const report = await run(
      fence('js', 'const a = 1') +
        fence('js', 'const b = a + missingName') +
        fence('js', 'const c = b + 1') +
        fence('sql id=bad', 'SELEC 1'),
    );
    expect(report.ok).toBe(false);
    const status = Object.fromEntries(report.cells.map((c) => [c.names[0], c.status]));
    expect(status).toEqual({ a: 'ok', b: 'error', c: 'error', bad: 'error' });
    expect(report.cells[1]!.error).toMatch(/missingName is not defined/);
    expect(report.cells[3]!.error).toMatch(/QueryError: Parser Error/);
    expect(report.cells[1]!.line).toBe(4);
  });

  it('runs compute tasks in process with the library result', async () => {
    const report = await run(
      fence(
        'js',
        'const x = Float64Array.from({length: 200}, (_, i) => Math.sin(i / 7) * (i % 17 === 0 ? 5 : 1))',
      ) +
        fence('js', 'const fit = await compute("regime.fitGaussianHmm", x, {states: 2, seed: 3})'),
    );
    expect(report.ok).toBe(true);
    const x = report.values.x as Float64Array;
    const direct = vol.regime.fitGaussianHmm(x, { states: 2, seed: 3 });
    expect((report.values.fit as { logLikelihood: number }).logLikelihood).toBeCloseTo(
      direct.logLikelihood,
      9,
    );
  });

  it('builds charts, inputs and Markdown in a DOM, with a fixed width', async () => {
    const report = await run(
      fence(
        'js',
        'const chart = Plot.plot({width, color: {legend: true, type: "linear"}, marks: [Plot.dot([1, 2, 3], {x: (d) => d, fill: (d) => d})]})',
      ) +
        fence('js', 'const note = md`**bold**`') +
        'Width is ${width}.\n',
    );
    expect(report.ok).toBe(true);
    const chart = report.values.chart as Element;
    // The figure holds the legend's svg, then the plot's.
    expect([...chart.querySelectorAll('svg')].at(-1)?.getAttribute('width')).toBe('800');
    expect((report.values.note as Element).innerHTML).toContain('<strong>bold</strong>');
    expect(report.cells.at(-1)!.summary).toContain('Width is 800');
  });

  it('gives cells tfjs on a Node backend', async () => {
    const report = await run(
      fence(
        'js',
        'const sum = tf.tensor([1, 2, 3.5]).sum().dataSync()[0]\nconst backend = tf.getBackend()',
      ),
    );
    expect(report.ok).toBe(true);
    expect(report.values.sum).toBe(6.5);
    expect(['wasm', 'cpu']).toContain(report.values.backend);
  });

  it('saves and loads models in the model folder', async () => {
    const report = await run(
      fence(
        'js',
        'const saved = await models.save("m1", {kind: "ar", coefficients: [0.5]})\nconst loaded = await models.load("m1")',
      ),
    );
    expect(report.ok).toBe(true);
    expect(report.values.loaded).toEqual({ kind: 'ar', coefficients: [0.5] });
    expect((report.values.saved as { name: string }).name).toBe('m1');
  });
});
