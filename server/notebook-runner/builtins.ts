/**
 * The builtins of a notebook run headless: the browser's shared set (`web/runtime/core-builtins.ts`) over the
 * native connector's dataset store, plus a fixed `width`, models on disk, tfjs in Node, `compute` in this
 * process and a `live` whose generators yield one value each (`live.ts`). Plot, Inputs and `md` build their
 * elements in linkedom's document (`dom.ts`).
 */
import * as Plot from '@observablehq/plot';
import * as aq from 'arquero';
import type { DatasetStore } from '../../web/data/datasets';
import type { ComputeRunner } from '../../web/notebook/compute-local';
import { coreBuiltins } from '../../web/runtime/core-builtins';
import { inProcessCompute } from './compute';
import { installDom } from './dom';
import { headlessLiveBuiltin } from './live';
import { diskModels } from './models';
import type { HeadlessLiveSource } from './simulated-live';
import { loadNodeTf } from './tf';

/** The width cells lay out to headless: a typical notebook column. */
export const HEADLESS_WIDTH = 800;

/**
 * @example
 * new NotebookSession({ ...headlessBuiltins(store, { modelsDir, live }), sql, observer });
 */
export function headlessBuiltins(
  store: DatasetStore,
  options: { modelsDir: string; live: HeadlessLiveSource },
): {
  builtins: Record<string, unknown>;
  lazyBuiltins: Record<string, () => unknown>;
  compute: ComputeRunner;
} {
  installDom();
  return {
    builtins: {
      ...coreBuiltins(store),
      Plot,
      aq,
      width: HEADLESS_WIDTH,
      models: diskModels(options.modelsDir),
      live: headlessLiveBuiltin(options.live),
    },
    lazyBuiltins: { tf: loadNodeTf },
    compute: inProcessCompute(loadNodeTf),
  };
}
