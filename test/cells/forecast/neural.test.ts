import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fitNeural,
  neuralForecaster,
  neuralFromJSON,
  walkForward,
  type NeuralFit,
  type NeuralKind,
} from '../../../cells/forecast';
import { decodeBase64, encodeBase64 } from '../../../cells/forecast/base64';
import { createRng } from '../../../cells/random';
import { setupTf } from './tf-setup';

const tf = await setupTf('cpu');
const rng = createRng(5);
const series = Float64Array.from({ length: 128 }, (_, i) => Math.sin(i / 4) + 0.1 * rng.normal());
const options = { lookback: 8, units: 6, epochs: 4, batchSize: 16, learningRate: 0.02, seed: 9 };

describe.each(['mlp', 'lstm', 'gru'] as NeuralKind[])('fitNeural %s (cpu)', (kind) => {
  let fit: NeuralFit;
  beforeAll(async () => {
    fit = await fitNeural(tf, series, { kind, ...options });
  });
  afterAll(() => fit.dispose());

  it('reduces the training loss on a noisy sine', () => {
    expect(fit.lossHistory[options.epochs - 1]).toBeLessThan(fit.lossHistory[0]! * 0.7);
  });

  it('predicts identically after a JSON save → load round trip', async () => {
    const json = JSON.parse(JSON.stringify(await fit.toJSON()));
    expect(typeof json.model.weightData).toBe('string');
    const again = await neuralFromJSON(tf, json);
    expect(Array.from(again.forecastFrom(series, 3))).toEqual(
      Array.from(fit.forecastFrom(series, 3)),
    );
    again.dispose();
  });
});

describe('fitNeural determinism and hygiene', () => {
  it('is reproducible for a seed and differs across seeds', async () => {
    const a = await fitNeural(tf, series, { kind: 'mlp', ...options, epochs: 2 });
    const b = await fitNeural(tf, series, { kind: 'mlp', ...options, epochs: 2 });
    const c = await fitNeural(tf, series, { kind: 'mlp', ...options, epochs: 2, seed: 10 });
    expect(Array.from(b.lossHistory)).toEqual(Array.from(a.lossHistory));
    expect(c.lossHistory[0]).not.toBe(a.lossHistory[0]);
    [a, b, c].forEach((f) => f.dispose());
  });

  it('leaves no tensors behind once disposed', async () => {
    const before = tf.memory().numTensors;
    const fit = await fitNeural(tf, series, { kind: 'mlp', ...options, epochs: 1 });
    fit.forecastFrom(series, 2);
    fit.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('walks forward with refits, disposing the networks it replaces', async () => {
    const before = tf.memory().numTensors;
    const forecaster = neuralForecaster(tf, { kind: 'mlp', ...options, epochs: 1 });
    const wf = await walkForward(series, forecaster, { start: 120, refitEvery: 4 });
    expect(wf.refits).toBe(2);
    expect(wf.forecast.every(Number.isFinite)).toBe(true);
    // Only the last network is alive: one dense(6) + dense(1) model = 4 weight tensors.
    expect(tf.memory().numTensors - before).toBe(4);
  });

  it('validates options', async () => {
    await expect(fitNeural(tf, series, { kind: 'rnn' as NeuralKind })).rejects.toThrow(
      /invalid kind/,
    );
    await expect(
      fitNeural(tf, series.subarray(0, 5), { kind: 'mlp', lookback: 8 }),
    ).rejects.toThrow(/too short/);
  });
});

describe('base64', () => {
  it('matches Node Buffer on every remainder length', () => {
    for (const len of [0, 1, 2, 3, 4, 5, 255]) {
      const bytes = Uint8Array.from({ length: len }, (_, i) => (i * 37 + 11) & 255);
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(decodeBase64(text))).toEqual(Array.from(bytes));
    }
  });
});
