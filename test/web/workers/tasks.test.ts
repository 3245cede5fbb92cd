import { describe, expect, it } from 'vitest';
import { isolationForest, randomForest } from '../../../cells/anomaly';
import {
  arForecaster,
  type ArJson,
  type WalkForwardResult,
  fitNeural,
  harForecaster,
  neuralFromJSON,
  walkForward,
} from '../../../cells/forecast';
import { createRng } from '../../../cells/random';
import {
  fitGaussianHmm,
  selectStates,
  type HmmFit,
  type StateSelection,
} from '../../../cells/regime';
import type { NeuralTaskResult } from '../../../web/workers/task-forecast';
import type { TaskContext } from '../../../web/workers/context';
import { createRegistry } from '../../../web/workers/tasks';
import { setupTf } from '../../cells/forecast/tf-setup';

const tf = await setupTf('cpu');
const tasks = createRegistry({ loadTf: async () => tf });

/** Run a task as the worker would, and pass its result through structured clone as postMessage does. */
async function run<T>(
  task: string,
  args: unknown[],
): Promise<{ value: T; progress: (number | null)[] }> {
  const progress: (number | null)[] = [];
  const context: TaskContext = {
    signal: new AbortController().signal,
    progress: (f) => progress.push(f),
    yield: async () => undefined,
  };
  const value = await tasks[task]!(structuredClone(args), context);
  return { value: structuredClone(value) as T, progress };
}

const rng = createRng(5);
const returns = Float64Array.from(
  { length: 400 },
  (_, t) => rng.normal() * (t % 100 < 50 ? 0.01 : 0.04),
);
const rows = Array.from({ length: 150 }, (_, i) =>
  Float64Array.of(rng.normal() + (i % 10 === 0 ? 6 : 0), rng.normal()),
);
const labels = rows.map((r) => (r[0]! > 3 ? 1 : 0));
let v = 1;
const rv = Float64Array.from(
  { length: 300 },
  () => (v = Math.abs(0.2 + 0.8 * v + 0.2 * rng.normal())),
);

describe('worker tasks', () => {
  it('regime.fitGaussianHmm returns the fit as plain data, equal to the direct call', async () => {
    const { value, progress } = await run<HmmFit>('regime.fitGaussianHmm', [
      returns,
      { states: 2, seed: 1 },
    ]);
    const direct = fitGaussianHmm(returns, { states: 2, seed: 1 });
    expect(value.logLikelihood).toBe(direct.logLikelihood);
    expect(Array.from(value.viterbi)).toEqual(Array.from(direct.viterbi));
    expect(value.transition.map((r) => Array.from(r))).toEqual(
      direct.transition.map((r) => Array.from(r)),
    );
    expect(progress.at(-1)).toBe(1);
  });

  it('regime.selectStates returns the scores and the chosen fit', async () => {
    const options = { range: [1, 3] as [number, number], seed: 2, restarts: 1 };
    const { value } = await run<StateSelection>('regime.selectStates', [returns, options]);
    const direct = selectStates(returns, options);
    expect(value.states).toBe(direct.states);
    expect(value.scores).toEqual(direct.scores);
  });

  it('anomaly.isolationForest fits and scores in one task', async () => {
    const { value } = await run<{ scores: Float64Array }>('anomaly.isolationForest', [
      rows,
      { trees: 50, seed: 3 },
    ]);
    const direct = isolationForest(rows, { trees: 50, seed: 3 }).score(rows);
    expect(Array.from(value.scores)).toEqual(Array.from(direct));
    expect(value).toMatchObject({ trees: 50, sampleSize: 150, dims: 2 });
  });

  it('anomaly.randomForest fits and predicts other rows', async () => {
    const test = rows.slice(0, 20);
    const { value } = await run<{
      predictions: Int32Array;
      probabilities: Float64Array[];
      oobError: number;
    }>('anomaly.randomForest', [rows, labels, { trees: 20, seed: 4 }, test]);
    const direct = randomForest(rows, labels, { trees: 20, seed: 4 });
    expect(Array.from(value.predictions)).toEqual(Array.from(direct.predict(test)));
    expect(value.oobError).toBe(direct.oobError);
    expect(Array.from(value.probabilities[1]!)).toEqual(Array.from(direct.predictProba(test)[1]!));
  });

  it('forecast.walkForward takes the forecaster as data (ar, har)', async () => {
    const ar = await run<WalkForwardResult>('forecast.walkForward', [
      rv,
      { kind: 'ar', p: 2 },
      { start: 200, refitEvery: 10 },
    ]);
    const arDirect = await walkForward(rv, arForecaster(2), { start: 200, refitEvery: 10 });
    expect(Array.from(ar.value.forecast)).toEqual(Array.from(arDirect.forecast));
    expect(ar.value.refits).toBe(10);
    const har = await run<WalkForwardResult>('forecast.walkForward', [
      rv,
      { kind: 'har', log: true, windows: [1, 5, 20] },
      { start: 250 },
    ]);
    const harDirect = await walkForward(rv, harForecaster({ log: true, windows: [1, 5, 20] }), {
      start: 250,
    });
    expect(Array.from(har.value.forecast)).toEqual(Array.from(harDirect.forecast));
    await expect(
      run<WalkForwardResult>('forecast.walkForward', [rv, { kind: 'svm' }, { start: 250 }]),
    ).rejects.toThrow('invalid forecaster kind: svm');
  });

  it('forecast.fitAr / fitHar return toJSON() output', async () => {
    const { value } = await run<ArJson>('forecast.fitAr', [rv, 1]);
    expect(value.kind).toBe('ar');
    expect(value.coefficients).toHaveLength(2);
  });

  it('forecast.fitNeural trains on the given tf and returns JSON plus the loss history', async () => {
    const options = { kind: 'mlp' as const, lookback: 5, units: 4, epochs: 3, seed: 1 };
    const { value, progress } = await run<NeuralTaskResult>('forecast.fitNeural', [rv, options]);
    const direct = await fitNeural(tf, rv, options);
    expect(Array.from(value.lossHistory)).toEqual(Array.from(direct.lossHistory));
    expect(value.backend).toBe('cpu');
    const again = await neuralFromJSON(tf, value.json);
    expect(Array.from(again.forecastFrom(rv, 2))).toEqual(Array.from(direct.forecastFrom(rv, 2)));
    expect(progress).toEqual([null, 1 / 3, 2 / 3, 1]);
    again.dispose();
    direct.dispose();
  });
});
