import type * as tfjs from '@tensorflow/tfjs';
import { createRng } from '../random';
import { throwIfAborted, type CancelSignal } from '../stats/abort';
import { loadModel, saveModel, type SerializedModel, type Tf } from './neural-io';

export const neuralKinds = ['mlp', 'lstm', 'gru'] as const;
export type NeuralKind = (typeof neuralKinds)[number];

export interface NeuralOptions {
  kind: NeuralKind;
  /** Input window length (default 20). */
  lookback?: number;
  /** Hidden units (default 16). */
  units?: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** Seeds the initializers and the per-epoch shuffling (default 0). */
  seed?: number;
  signal?: CancelSignal;
  onProgress?: (fraction: number) => void;
}

/** A trained one-step-ahead network on a standardized series. */
export interface NeuralFit {
  kind: NeuralKind;
  lookback: number;
  /** Standardization of the training series: z = (x − mean) / std. */
  mean: number;
  std: number;
  /** Training loss (MSE on the standardized scale) after each epoch. */
  lossHistory: Float64Array;
  model: tfjs.LayersModel;
  /** Iterated forecasts of the next h values after `history` (at least `lookback` long). */
  forecastFrom(history: ArrayLike<number>, h: number): Float64Array;
  toJSON(): Promise<NeuralJson>;
  dispose(): void;
}

export interface NeuralJson {
  kind: 'neural';
  network: NeuralKind;
  lookback: number;
  mean: number;
  std: number;
  model: SerializedModel;
}

/**
 * Train an MLP, LSTM or GRU to predict x_t from x_{t−L … t−1}. The caller owns backend setup and passes its
 * `tf` (cells/ stays pure); training is reproducible given `seed` on a given backend.
 *
 * @example
 * const logRv = Float64Array.from({ length: 80 }, (_, i) => Math.sin(i / 4));
 * const net = await fitNeural(tf, logRv, { kind: 'lstm', lookback: 8, epochs: 2, seed: 1 });
 * net.forecastFrom(logRv, 5);
 */
export async function fitNeural(
  tf: Tf,
  x: ArrayLike<number>,
  options: NeuralOptions,
): Promise<NeuralFit> {
  const {
    kind,
    lookback = 20,
    units = 16,
    epochs = 20,
    batchSize = 32,
    learningRate = 0.01,
    seed = 0,
  } = options;
  if (!neuralKinds.includes(kind)) throw new RangeError(`invalid kind: ${String(kind)}`);
  if (!Number.isInteger(lookback) || lookback < 1)
    throw new RangeError(`invalid lookback: ${lookback}`);
  if (!Number.isInteger(units) || units < 1) throw new RangeError(`invalid units: ${units}`);
  if (!Number.isInteger(epochs) || epochs < 1) throw new RangeError(`invalid epochs: ${epochs}`);
  const samples = x.length - lookback;
  if (samples < 2) throw new RangeError(`series too short for lookback ${lookback}: ${x.length}`);
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += x[i]! / x.length;
  let variance = 0;
  for (let i = 0; i < x.length; i++) variance += (x[i]! - mean) ** 2 / x.length;
  const std = Math.sqrt(variance) || 1;
  const z = Float64Array.from(x, (v) => (v - mean) / std);

  const model = buildModel(tf, kind, lookback, units, seed);
  model.compile({ optimizer: tf.train.adam(learningRate), loss: 'meanSquaredError' });
  const rng = createRng(seed);
  const order = Int32Array.from({ length: samples }, (_, i) => i);
  const inputs = new Float32Array(samples * lookback);
  const targets = new Float32Array(samples);
  const lossHistory = new Float64Array(epochs);
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      throwIfAborted(options.signal);
      // Seeded Fisher–Yates each epoch, then fit without tfjs' own (unseeded) shuffle.
      for (let i = samples - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
      }
      for (let s = 0; s < samples; s++) {
        const start = order[s]!;
        for (let k = 0; k < lookback; k++) inputs[s * lookback + k] = z[start + k]!;
        targets[s] = z[start + lookback]!;
      }
      const xs =
        kind === 'mlp'
          ? tf.tensor2d(inputs, [samples, lookback])
          : tf.tensor3d(inputs, [samples, lookback, 1]);
      const ys = tf.tensor2d(targets, [samples, 1]);
      try {
        const history = await model.fit(xs, ys, {
          epochs: 1,
          batchSize,
          shuffle: false,
          verbose: 0,
        });
        lossHistory[epoch] = Number(history.history.loss![0]);
      } finally {
        xs.dispose();
        ys.dispose();
      }
      options.onProgress?.((epoch + 1) / epochs);
    }
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    // Adam's moment variables are not owned by the model: free them, training is over.
    model.optimizer.dispose();
  }
  return makeNeural(tf, kind, lookback, mean, std, lossHistory, model);
}

/** Rebuild a network from `toJSON()` output. */
export async function neuralFromJSON(tf: Tf, json: NeuralJson): Promise<NeuralFit> {
  if (json.kind !== 'neural' || !neuralKinds.includes(json.network))
    throw new TypeError('invalid neural JSON');
  const model = await loadModel(tf, json.model);
  return makeNeural(
    tf,
    json.network,
    json.lookback,
    json.mean,
    json.std,
    new Float64Array(0),
    model,
  );
}

function buildModel(
  tf: Tf,
  kind: NeuralKind,
  lookback: number,
  units: number,
  seed: number,
): tfjs.LayersModel {
  const glorot = (offset: number) => tf.initializers.glorotUniform({ seed: seed * 16 + offset });
  const model = tf.sequential();
  if (kind === 'mlp') {
    model.add(
      tf.layers.dense({
        inputShape: [lookback],
        units,
        activation: 'tanh',
        kernelInitializer: glorot(1),
      }),
    );
  } else {
    const layer = kind === 'lstm' ? tf.layers.lstm : tf.layers.gru;
    model.add(
      layer({
        inputShape: [lookback, 1],
        units,
        kernelInitializer: glorot(1),
        recurrentInitializer: tf.initializers.orthogonal({ seed: seed * 16 + 2, gain: 1 }),
      }),
    );
  }
  model.add(tf.layers.dense({ units: 1, kernelInitializer: glorot(3) }));
  return model;
}

function makeNeural(
  tf: Tf,
  kind: NeuralKind,
  lookback: number,
  mean: number,
  std: number,
  lossHistory: Float64Array,
  model: tfjs.LayersModel,
): NeuralFit {
  const forecastFrom = (history: ArrayLike<number>, h: number): Float64Array => {
    if (!Number.isInteger(h) || h < 1) throw new RangeError(`invalid h: ${h}`);
    if (history.length < lookback)
      throw new RangeError(`history shorter than lookback: ${history.length}`);
    const window = new Float32Array(lookback);
    for (let k = 0; k < lookback; k++)
      window[k] = (history[history.length - lookback + k]! - mean) / std;
    const out = new Float64Array(h);
    for (let s = 0; s < h; s++) {
      const next = tf.tidy(() => {
        const input =
          kind === 'mlp'
            ? tf.tensor2d(window, [1, lookback])
            : tf.tensor3d(window, [1, lookback, 1]);
        return (model.predict(input) as tfjs.Tensor).dataSync()[0]!;
      });
      out[s] = next * std + mean;
      window.copyWithin(0, 1);
      window[lookback - 1] = next;
    }
    return out;
  };
  return {
    kind,
    lookback,
    mean,
    std,
    lossHistory,
    model,
    forecastFrom,
    toJSON: async () => ({
      kind: 'neural',
      network: kind,
      lookback,
      mean,
      std,
      model: await saveModel(tf, model),
    }),
    dispose: () => model.dispose(),
  };
}
