/**
 * The names every notebook can read without declaring them in the browser: the shared builtins
 * (`core-builtins.ts`) plus the sidecar's model store, tfjs, the page width and the worker pool.
 * Anything else a cell reads must be declared by another cell.
 */
import { listModels, loadModel, removeModel, saveModel } from '../api/models';
import type { DatasetStore } from '../data/datasets';
import type { ComputeRunner } from '../notebook/compute-local';
import { sharedLiveClient } from '../live/live-client';
import { liveBuiltin } from '../live/live-generator';
import { runCompute } from '../workers/browser-pool';
import { coreBuiltins, markdown } from './core-builtins';
import { lazyLibraries } from './lazy-libraries';
import { loadTf } from './tf';
import { pageWidth } from './width';

/** What a notebook session is given: eager builtins, builtins loaded on first read, the `compute` runner. */
export interface NotebookBuiltins {
  builtins: Record<string, unknown>;
  lazyBuiltins: Record<string, () => unknown>;
  compute: ComputeRunner;
}

/**
 * @example
 * new NotebookSession({ ...createBuiltins(store), sql, observer });
 */
export function createBuiltins(store: DatasetStore): NotebookBuiltins {
  // Fitted models on the sidecar: `await models.save("btc-har", fit)`, `vol.forecast.harFromJSON(await models.load("btc-har"))`.
  const models = { save: saveModel, load: loadModel, list: listModels, remove: removeModel };
  return {
    // Live data over the page's one `/api/live` socket: `live.surface("BTC")`, `live.channel(name)`.
    builtins: { ...coreBuiltins(store), models, live: liveBuiltin(sharedLiveClient()) },
    // tfjs (wasm backend) is megabytes: only fetched when a cell reads `tf`; Plot and arquero likewise.
    lazyBuiltins: { ...lazyLibraries, tf: loadTf, width: pageWidth },
    compute: runCompute,
  };
}

export { markdown };
