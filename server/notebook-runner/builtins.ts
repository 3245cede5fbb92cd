/**
 * The builtins of a notebook run headless: the browser's shared set (`web/runtime/core-builtins.ts`) over the
 * native connector's dataset store, plus a fixed `width`, models on disk, tfjs in Node and `compute` in this
 * process. Plot, Inputs and `md` build their elements in linkedom's document (`dom.ts`).
 */
import * as Plot from '@observablehq/plot';
import * as aq from 'arquero';
import type { DatasetStore } from '../../web/data/datasets';
import type { ComputeRunner } from '../../web/notebook/compute-local';
import { coreBuiltins } from '../../web/runtime/core-builtins';
import { inProcessCompute } from './compute';
import { installDom } from './dom';
import { diskModels } from './models';
import { loadNodeTf } from './tf';

/** The width cells lay out to headless: a typical notebook column. */
export const HEADLESS_WIDTH = 800;

/** A headless run has no live feed to follow: `live.*` says so, and what to do instead. */
const headlessLive = {
  surface: (): never => {
    throw new Error(NO_LIVE);
  },
  channel: (): never => {
    throw new Error(NO_LIVE);
  },
};
const NO_LIVE =
  'live data is only available in the browser workbench; to study a surface headless, freeze it ' +
  '(POST /api/volatility/surface/freeze) and load the snapshot';

/**
 * @example
 * new NotebookSession({ ...headlessBuiltins(store, { modelsDir }), sql, observer });
 */
export function headlessBuiltins(
  store: DatasetStore,
  options: { modelsDir: string },
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
      live: headlessLive,
    },
    lazyBuiltins: { tf: loadNodeTf },
    compute: inProcessCompute(loadNodeTf),
  };
}
