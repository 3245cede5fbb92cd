import { fitAr, type ArFit } from './ar';
import { fitGarchWarm, type GarchOptions, type GarchWarmStart } from './garch';
import type { GarchFit } from './garch-model';
import { fitHar, type HarFit, type HarOptions } from './har';
import { fitNeural, type NeuralFit, type NeuralOptions } from './neural';
import type { Tf } from './neural-io';
import type { Forecaster } from './walk-forward';

/**
 * AR(p) for `walkForward`: forecasts the series itself.
 *
 * @example
 * const x = Float64Array.from({ length: 300 }, (_, i) => Math.sin(i / 10));
 * await vol.forecast.walkForward(x, arForecaster(2), { start: 250 });
 */
export function arForecaster(p: number): Forecaster<ArFit> {
  return {
    fit: (train) => fitAr(train, p),
    predict: (m, history, h) => m.forecastFrom(history, h)[h - 1]!,
  };
}

/** HAR-RV for `walkForward` on a realized-variance series. */
export function harForecaster(options: HarOptions = {}): Forecaster<HarFit> {
  return {
    fit: (train) => fitHar(train, options),
    predict: (m, history, h) => m.forecastFrom(history, h)[h - 1]!,
  };
}

/**
 * GARCH(1,1) for `walkForward` on returns: forecasts the variance of the return h periods ahead (score it
 * against r², or a realized variance, passed as `target`). Each refit also starts from the previous fit and its
 * curvature (the window has moved by `refitEvery` observations), so it reaches the same maximum in far fewer
 * iterations.
 */
export function garchForecaster(options: GarchOptions = {}): Forecaster<GarchFit> {
  let warm: GarchWarmStart | undefined;
  return {
    fit: (train) => {
      const result = fitGarchWarm(train, options, warm);
      warm = result.warm;
      return result.fit;
    },
    predict: (m, history, h) => m.forecastFrom(history, h)[h - 1]!,
  };
}

/**
 * A neural network for `walkForward`: each refit trains a fresh network (the previous one is disposed).
 *
 * @example
 * const logRv = Float64Array.from({ length: 80 }, (_, i) => Math.sin(i / 4));
 * const forecaster = neuralForecaster(tf, { kind: 'mlp', lookback: 8, epochs: 2, seed: 1 });
 * await vol.forecast.walkForward(logRv, forecaster, { start: 60, refitEvery: 10 });
 */
export function neuralForecaster(tf: Tf, options: NeuralOptions): Forecaster<NeuralFit> {
  let last: NeuralFit | undefined;
  return {
    fit: async (train) => {
      last?.dispose();
      last = await fitNeural(tf, train, options);
      return last;
    },
    predict: (m, history, h) => m.forecastFrom(history, h)[h - 1]!,
  };
}
