/**
 * Node setup for tfjs backends (the caller's job: cells/ receives a ready `tf`). The wasm backend needs
 * the directory of its .wasm files; in the browser use Vite `?url` imports instead. Some gradient kernels
 * are missing on wasm, so `trainableBackend` probes an LSTM and a GRU training step and falls back to cpu.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export type Backend = 'cpu' | 'wasm';

let wasmPathsSet = false;

export async function setupTf(backend: Backend): Promise<typeof tf> {
  if (backend === 'wasm' && !wasmPathsSet) {
    const require = createRequire(import.meta.url);
    const wasmFile = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
    setWasmPaths(`${dirname(wasmFile)}/`);
    wasmPathsSet = true;
  }
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend unavailable: ${backend}`);
  await tf.ready();
  return tf;
}

/** The preferred backend if one training step of each recurrent layer runs on it, else cpu. */
export async function trainableBackend(
  preferred: Backend,
): Promise<{ tf: typeof tf; backend: Backend }> {
  try {
    await setupTf(preferred);
    for (const layer of [tf.layers.lstm, tf.layers.gru]) {
      const model = tf.sequential({
        layers: [layer({ units: 2, inputShape: [3, 1] }), tf.layers.dense({ units: 1 })],
      });
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      const xs = tf.zeros([2, 3, 1]);
      const ys = tf.ones([2, 1]);
      await model.fit(xs, ys, { epochs: 1, verbose: 0 });
      tf.dispose([xs, ys]);
      model.optimizer.dispose();
      model.dispose();
    }
    return { tf, backend: preferred };
  } catch {
    return { tf: await setupTf('cpu'), backend: 'cpu' };
  }
}
