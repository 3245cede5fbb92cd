/**
 * Which tfjs backend a notebook gets, in the browser and headless alike: wasm when it can train a recurrent
 * layer (some tfjs-backend-wasm versions lack LSTM gradient kernels), else the slower but complete cpu backend.
 * The caller has already pointed the wasm backend at its binaries (`?url` imports in Vite, files on disk in Node).
 */
import type * as tfjs from '@tensorflow/tfjs';

export type Tf = typeof tfjs;

/**
 * @example
 * const tf = await import('@tensorflow/tfjs');
 * await chooseTfBackend(tf); // tf.getBackend() is now 'wasm' or 'cpu'
 */
export async function chooseTfBackend(tf: Tf): Promise<Tf> {
  try {
    if ((await tf.setBackend('wasm')) && (await trains(tf))) return tf;
  } catch {
    // No wasm here, or a missing gradient kernel: the cpu backend below is slower but complete.
  }
  if (!(await tf.setBackend('cpu'))) throw new Error('tfjs: no usable backend');
  await tf.ready();
  return tf;
}

/** One training step of a tiny LSTM, the layer the wasm backend has lacked gradients for. */
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
