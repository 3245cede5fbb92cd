/**
 * Forecasting tasks: walk-forward evaluation with the forecaster given as data, and neural fits on tfjs inside
 * the worker (returned as `toJSON()` output plus the loss history).
 */
import {
  arForecaster,
  fitNeural,
  garchForecaster,
  harForecaster,
  neuralForecaster,
  neuralKinds,
  walkForward,
  type Forecaster,
  type GarchOptions,
  type HarOptions,
  type NeuralJson,
  type NeuralKind,
  type NeuralOptions,
  type WalkForwardOptions,
  type WalkForwardResult,
} from '../../cells/forecast';
import type { Tf } from '../../cells/forecast/neural-io';
import { withContext, type TaskContext } from './context';

/** A forecaster as data: `{kind: 'ar', p}`, `{kind: 'har', ...}`, `{kind: 'garch', ...}` or a network. */
export type ForecasterSpec =
  | { kind: 'ar'; p?: number }
  | ({ kind: 'har' } & HarOptions)
  | ({ kind: 'garch' } & GarchOptions)
  | ({ kind: NeuralKind } & Omit<NeuralOptions, 'kind' | 'signal' | 'onProgress'>);

export interface NeuralTaskResult {
  json: NeuralJson;
  lossHistory: Float64Array;
  backend: string;
}

async function forecasterOf(
  spec: ForecasterSpec,
  loadTf: () => Promise<Tf>,
): Promise<Forecaster<unknown>> {
  if (spec === null || typeof spec !== 'object')
    throw new TypeError('invalid forecaster: expected {kind, …}');
  const { kind, ...options } = spec;
  if (kind === 'ar') return arForecaster((options as { p?: number }).p ?? 1) as Forecaster<unknown>;
  if (kind === 'har') return harForecaster(options as HarOptions) as Forecaster<unknown>;
  if (kind === 'garch') return garchForecaster(options as GarchOptions) as Forecaster<unknown>;
  if ((neuralKinds as readonly string[]).includes(kind)) {
    const tf = await loadTf();
    return neuralForecaster(tf, {
      ...(options as object),
      kind,
    } as NeuralOptions) as Forecaster<unknown>;
  }
  throw new RangeError(`invalid forecaster kind: ${String(kind)}`);
}

/**
 * Task `forecast.walkForward`: `[x, spec, options]` → `WalkForwardResult`.
 *
 * @example
 * await walkForwardTask([rv, { kind: 'har', log: true }, { start: 500 }], context, loadTf);
 */
export async function walkForwardTask(
  [x, spec, options]: unknown[],
  context: TaskContext,
  loadTf: () => Promise<Tf>,
): Promise<WalkForwardResult> {
  const forecaster = await forecasterOf(spec as ForecasterSpec, loadTf);
  return walkForward(
    x as ArrayLike<number>,
    forecaster,
    withContext<WalkForwardOptions>(options, context),
  );
}

/**
 * Task `forecast.fitNeural`: `[x, options]` → `{json, lossHistory, backend}`; the network is freed.
 *
 * @example
 * const { json } = await fitNeuralTask([logRv, { kind: 'lstm', epochs: 5 }], context, loadTf);
 */
export async function fitNeuralTask(
  [x, options]: unknown[],
  context: TaskContext,
  loadTf: () => Promise<Tf>,
): Promise<NeuralTaskResult> {
  context.progress(null, 'loading tfjs');
  const tf = await loadTf();
  const fit = await fitNeural(
    tf,
    x as ArrayLike<number>,
    withContext<NeuralOptions>(options, context),
  );
  try {
    return { json: await fit.toJSON(), lossHistory: fit.lossHistory, backend: tf.getBackend() };
  } finally {
    fit.dispose();
  }
}
