/**
 * The market model's state: everything `step` needs to continue the simulation, as plain JSON (the simulated
 * exchange of a later issue persists it and continues from the bundled history's last hour).
 */
import { COINS } from './coins';
import { DEFAULT_PARAMS, type MarketParams } from './params';
import { REGIMES, type Regime } from './regime';

export interface MarketState {
  /** Unix time in seconds. */
  t: number;
  regime: Regime;
  /** Log daily variance of the market factor (BTC's scale). */
  marketLogVar: number;
  /** Additive shift of the regime variance targets: the slow "era" level (set by the history generator). */
  levelShift: number;
  /** Coin-specific log-variance deviations, one per coin of `COINS`. */
  idioLogVar: number[];
  /** Log USD prices, one per coin of `COINS`. */
  logPrices: number[];
  /** Log deviation of the implied-vol premium from its mean (a slow mean-reverting sentiment). */
  premiumLog: number;
}

/**
 * A calm market at time `t` (unix seconds) with the given log prices (default: the coins' first anchors).
 *
 * @example
 * const s0 = createMarketState(Date.UTC(2016, 0, 1) / 1000);
 */
export function createMarketState(
  t: number,
  logPrices?: readonly number[],
  params: MarketParams = DEFAULT_PARAMS,
): MarketState {
  if (!Number.isFinite(t)) throw new RangeError(`invalid t: ${t}`);
  if (logPrices && logPrices.length !== COINS.length)
    throw new RangeError(`invalid logPrices length: ${logPrices.length}`);
  return {
    t,
    regime: REGIMES.calm,
    marketLogVar: params.logVarTarget[REGIMES.calm],
    levelShift: 0,
    idioLogVar: COINS.map(() => 0),
    logPrices: logPrices ? [...logPrices] : COINS.map((c) => Math.log(c.anchors[0]![1])),
    premiumLog: 0,
  };
}

/** A deep copy (the stepper returns new states; callers may keep old ones). */
export function cloneMarketState(s: MarketState): MarketState {
  return { ...s, idioLogVar: [...s.idioLogVar], logPrices: [...s.logPrices] };
}

/** Daily variance of coin `i` in state `s` before intraday seasonality. */
export function coinDailyVariance(s: MarketState, i: number): number {
  const scale = COINS[i]!.volScale;
  return scale * scale * Math.exp(s.marketLogVar + s.idioLogVar[i]!);
}
