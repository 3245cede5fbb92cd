/**
 * tfjs for notebooks run headless: the wasm backend (its .wasm files read from the package's dist folder) when
 * it can train a recurrent layer, else the cpu backend. Loaded on first use: most notebooks never read `tf`.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Tf } from '../../cells/forecast/neural-io';
import { chooseTfBackend } from '../../web/runtime/tf-backend';

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
  return (await chooseTfBackend(tf)) as unknown as Tf;
}
