/**
 * tfjs for notebooks and compute workers, loaded on first use: the wasm backend (binaries served by Vite
 * through `?url` imports), or the cpu backend when wasm is unavailable or cannot train a recurrent layer.
 */
import type * as tfjs from '@tensorflow/tfjs';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export type Tf = typeof tfjs;

let loading: Promise<Tf> | null = null;

/**
 * The shared tfjs instance, ready to train (`tf.getBackend()` says which backend was chosen).
 *
 * @example
 * const tf = await loadTf();
 * const net = await vol.forecast.fitNeural(tf, x, { kind: 'lstm' });
 */
export function loadTf(): Promise<Tf> {
  loading ??= setup();
  return loading;
}

async function setup(): Promise<Tf> {
  const [tf, wasm] = await Promise.all([
    import('@tensorflow/tfjs'),
    import('@tensorflow/tfjs-backend-wasm'),
  ]);
  wasm.setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': simdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdUrl,
  });
  try {
    if ((await tf.setBackend('wasm')) && (await trains(tf))) return tf;
  } catch {
    // No wasm here (or a missing kernel): the cpu backend below is slower but complete.
  }
  if (!(await tf.setBackend('cpu'))) throw new Error('tfjs: no usable backend');
  await tf.ready();
  return tf;
}

/** One training step of a tiny LSTM: the wasm backend lacks some gradient kernels in some versions. */
async function trains(tf: Tf): Promise<boolean> {
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
