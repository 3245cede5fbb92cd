/**
 * The bundled history: the stepper run hour by hour from `start` to `end`, with the stress episodes forced at
 * their real dates, the era level set each hour, and each coin's path bent through its price anchors.
 * Records everything the datasets need (returns, step variances, jumps and the state after every hour).
 */
import { createRng } from '../../cells/random';
import { bendThroughAnchors } from './anchors';
import { COINS } from './coins';
import { eraShift, STRESS_EPISODES } from './episodes';
import { DEFAULT_PARAMS, type MarketParams } from './params';
import type { Regime } from './regime';
import { createMarketState, type MarketState } from './state';
import { step, type StepOptions } from './step';
import { SECONDS_PER_HOUR } from '../../cells/time';

export interface SimulatedHistory {
  /** Unix second of the first hour. */
  start: number;
  hours: number;
  /** Per coin, per hour: log return (anchored), diffusive variance and jump of the hour. */
  logReturns: Float64Array[];
  stepVariances: Float64Array[];
  jumps: Float64Array[];
  /** Per coin: log price at `start`. */
  startLogPrices: Float64Array;
  /** Per hour: the state after the hour (regime of the hour, variances and premium at its end). */
  regime: Uint8Array;
  marketLogVar: Float64Array;
  levelShift: Float64Array;
  premiumLog: Float64Array;
  /** Per coin, per hour: coin-specific log-variance deviation at the end of the hour. */
  idioLogVar: Float64Array[];
  /** The state at `end`, with anchored prices: where a live simulation continues. */
  finalState: MarketState;
}

export interface HistoryOptions {
  params?: MarketParams;
  signal?: AbortSignal;
}

/**
 * Simulate hourly from `start` to `end` (unix seconds, whole hours).
 *
 * @example
 * const h = simulateHistory(Date.UTC(2016, 0, 1) / 1000, Date.UTC(2026, 0, 1) / 1000, 42);
 */
export function simulateHistory(
  start: number,
  end: number,
  seed: number,
  options: HistoryOptions = {},
): SimulatedHistory {
  if (start % SECONDS_PER_HOUR !== 0 || end % SECONDS_PER_HOUR !== 0 || !(end > start))
    throw new RangeError(`invalid range: ${start}..${end}`);
  const params = options.params ?? DEFAULT_PARAMS;
  const hours = (end - start) / SECONDS_PER_HOUR;
  const n = COINS.length;
  const rng = createRng(seed);
  const alloc = () => COINS.map(() => new Float64Array(hours));
  const h: SimulatedHistory = {
    start,
    hours,
    logReturns: alloc(),
    stepVariances: alloc(),
    jumps: alloc(),
    startLogPrices: new Float64Array(n),
    regime: new Uint8Array(hours),
    marketLogVar: new Float64Array(hours),
    levelShift: new Float64Array(hours),
    premiumLog: new Float64Array(hours),
    idioLogVar: alloc(),
    finalState: createMarketState(start, undefined, params),
  };
  const forced = forcedSteps(start, hours);
  let state = { ...h.finalState, levelShift: eraShift(start) };
  for (let k = 0; k < hours; k++) {
    if ((k & 4095) === 0) options.signal?.throwIfAborted();
    state.levelShift = eraShift(state.t);
    const result = step(state, SECONDS_PER_HOUR, rng, params, forced.get(k) ?? {});
    state = result.state;
    for (let i = 0; i < n; i++) {
      h.logReturns[i]![k] = result.logReturns[i]!;
      h.stepVariances[i]![k] = result.stepVariances[i]!;
      h.jumps[i]![k] = result.jumps[i]!;
      h.idioLogVar[i]![k] = state.idioLogVar[i]!;
    }
    h.regime[k] = state.regime;
    h.marketLogVar[k] = state.marketLogVar;
    h.levelShift[k] = state.levelShift;
    h.premiumLog[k] = state.premiumLog;
  }
  const logPrices = COINS.map((coin, i) => {
    const anchors = coin.anchors
      .map(
        ([date, price]) =>
          [
            (Date.parse(`${date}T00:00:00Z`) / 1000 - start) / SECONDS_PER_HOUR,
            Math.log(price),
          ] as const,
      )
      .filter(([idx]) => idx >= 0 && idx <= hours);
    const p0 =
      anchors.length > 0 ? bendThroughAnchors(h.logReturns[i]!, anchors) : state.logPrices[i]!;
    h.startLogPrices[i] = p0;
    let p = p0;
    for (let k = 0; k < hours; k++) p += h.logReturns[i]![k]!;
    return p;
  });
  h.finalState = { ...state, logPrices };
  return h;
}

/** Step options by hour index: regimes held through each episode and its jump at the episode's hour. */
function forcedSteps(start: number, hours: number): Map<number, StepOptions> {
  const out = new Map<number, StepOptions>();
  for (const e of STRESS_EPISODES) {
    const at = Math.floor((Date.parse(e.at) / 1000 - start) / SECONDS_PER_HOUR);
    for (let k = Math.max(0, at - 6); k < Math.min(hours, at + e.days * 24); k++) {
      const regime: Regime = e.regime;
      out.set(k, k === at ? { forceRegime: regime, marketJump: e.jump } : { forceRegime: regime });
    }
  }
  return out;
}
