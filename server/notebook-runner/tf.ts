/**
 * tfjs for notebooks run headless: the wasm backend (its .wasm files read from the package's dist folder) when
 * it can train a recurrent layer, else the cpu backend. Loaded on first use: most notebooks never read `tf`.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Tf } from '../../cells/forecast/neural-io';

let loading: Promise<Tf> | null = null;

/**
 * @example
 * const tf = await loadNodeTf();
 * tf.getBackend(); // 'wasm' or 'cpu'
 */
export function loadNodeTf(): Promise<Tf> {
  loading ??= setup();
  return loading;
}

async function setup(): Promise<Tf> {
  const [tf, wasm] = await Promise.all([
    import('@tensorflow/tfjs'),
    import('@tensorflow/tfjs-backend-wasm'),
  ]);
  const wasmFile = createRequire(import.meta.url).resolve(
    '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm',
  );
  wasm.setWasmPaths(`${dirname(wasmFile)}/`);
  try {
    if ((await tf.setBackend('wasm')) && (await trains(tf))) return tf as unknown as Tf;
  } catch {
    // A missing gradient kernel on wasm: the cpu backend below is slower but complete.
  }
  if (!(await tf.setBackend('cpu'))) throw new Error('tfjs: no usable backend');
  await tf.ready();
  return tf as unknown as Tf;
}

/** One training step of a tiny LSTM, the layer the wasm backend has lacked gradients for. */
async function trains(tf: typeof import('@tensorflow/tfjs')): Promise<boolean> {
  await tf.ready();
  const model = tf.sequential({
    layers: [tf.layers.lstm({ units: 2, inputShape: [3, 1] }), tf.layers.dense({ units: 1 })],
  });
  model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  const xs = tf.zeros([2, 3, 1]);
  const ys = tf.ones([2, 1]);
  try {
    await model.fit(xs, ys, { epochs: 1, verbose: 0 });
    return true;
  } finally {
    tf.dispose([xs, ys]);
    model.optimizer.dispose();
    model.dispose();
  }
}
