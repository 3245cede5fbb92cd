/**
 * tfjs for notebooks and compute workers, loaded on first use: the wasm backend (binaries served by Vite
 * through `?url` imports), or the cpu backend when wasm is unavailable or cannot train a recurrent layer.
 */
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { chooseTfBackend, type Tf } from './tf-backend';

export type { Tf };

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
  return chooseTfBackend(tf);
}
