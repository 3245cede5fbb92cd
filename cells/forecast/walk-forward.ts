import { throwIfAborted, type CancelSignal } from '../stats/abort';

/** A model family for walk-forward evaluation: fit on a window, predict from a history. */
export interface Forecaster<M> {
  fit(train: Float64Array): M | Promise<M>;
  /** Forecast of the value `horizon` steps after the end of `history`. */
  predict(model: M, history: Float64Array, horizon: number): number | Promise<number>;
}

export interface WalkForwardOptions {
  /** Observations before the first forecast origin (the first training set). */
  start: number;
  /** 'expanding' (default) trains on everything so far; 'rolling' on the last `windowSize`. */
  window?: 'expanding' | 'rolling';
  /** Rolling window length (default `start`). */
  windowSize?: number;
  /** Refit every n origins; in between, the last fit predicts from the updated history (default 1). */
  refitEvery?: number;
  /** Forecast horizon h (default 1): the origin t forecasts target[t + h − 1]. */
  horizon?: number;
  /** What forecasts are scored against, aligned with x (default x itself; e.g. r² or RV for a GARCH on returns). */
  target?: ArrayLike<number>;
  signal?: CancelSignal;
  onProgress?: (fraction: number) => void;
}

export interface WalkForwardResult {
  /** Index into x / target of each forecast's realized value. */
  index: Int32Array;
  forecast: Float64Array;
  realized: Float64Array;
  refits: number;
}

/**
 * Walk-forward (pseudo out-of-sample) evaluation: at each origin t = start … n − h, only x[0 … t) is known.
 *
 * @example
 * const rng = vol.random.createRng(1);
 * const rv = Float64Array.from({ length: 600 }, () => 4e-4 * Math.exp(0.3 * rng.normal()));
 * const { harForecaster, meanLoss } = vol.forecast;
 * const wf = await walkForward(rv, harForecaster({ log: true }), { start: 500, refitEvery: 20 });
 * meanLoss('qlike', wf.realized, wf.forecast);
 */
export async function walkForward<M>(
  x: ArrayLike<number>,
  forecaster: Forecaster<M>,
  options: WalkForwardOptions,
): Promise<WalkForwardResult> {
  const { start, window = 'expanding', refitEvery = 1, horizon = 1, signal, onProgress } = options;
  const windowSize = options.windowSize ?? start;
  const target = options.target ?? x;
  const n = x.length;
  if (target.length !== n) throw new RangeError(`target length mismatch: ${target.length}`);
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new RangeError(`invalid horizon: ${horizon}`);
  if (!Number.isInteger(start) || start < 1 || start + horizon > n)
    throw new RangeError(`invalid start: ${start}`);
  if (!Number.isInteger(refitEvery) || refitEvery < 1)
    throw new RangeError(`invalid refitEvery: ${refitEvery}`);
  if (window !== 'expanding' && window !== 'rolling')
    throw new RangeError(`invalid window: ${String(window)}`);
  if (
    window === 'rolling' &&
    (!Number.isInteger(windowSize) || windowSize < 1 || windowSize > start)
  ) {
    throw new RangeError(`invalid windowSize: ${windowSize}`);
  }
  const data = Float64Array.from(x);
  const count = n - horizon - start + 1;
  const index = new Int32Array(count);
  const forecast = new Float64Array(count);
  const realized = new Float64Array(count);
  let model: M | undefined;
  let refits = 0;
  for (let i = 0; i < count; i++) {
    throwIfAborted(signal);
    const t = start + i;
    const history = data.subarray(window === 'rolling' ? t - windowSize : 0, t);
    if (i % refitEvery === 0) {
      model = await forecaster.fit(history);
      refits++;
    }
    index[i] = t + horizon - 1;
    forecast[i] = await forecaster.predict(model!, history, horizon);
    realized[i] = target[t + horizon - 1]!;
    onProgress?.((i + 1) / count);
  }
  return { index, forecast, realized, refits };
}
