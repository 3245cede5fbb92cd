/**
 * Black-76 Greeks in Deribit's units and, by default, on Deribit's conventions (r = 0, USD, F the option's
 * underlying_price). Checked against Deribit's published tickers in test/cells/options/deribit-tickers.test.ts.
 * - delta: ∂V/∂F, N(d1) for a call and N(d1) − 1 for a put (not premium-adjusted);
 * - gamma: ∂²V/∂F² per $1 of the forward;
 * - vega: USD per vol point (σ + 0.01);
 * - theta: USD per calendar day, negative for a long option: the instantaneous rate −∂V/∂T / 365, except in the
 *   last day before expiry, where Deribit reports the decay still to come, −(V − intrinsic): a day at the
 *   instantaneous rate would take more than the option's whole time value;
 * - rho: USD per 1% (0.01) move in the rate, as Deribit reports it, Black–Scholes' with the spot held fixed:
 *   K·T·N(d2)/100 for a call, −K·T·N(−d2)/100 for a put.
 * `{ convention: 'black76' }` gives the textbook Black-76 forms instead: theta is always the instantaneous rate,
 * and rho holds the forward fixed, so only the discount e^{−rT} moves: −T·V/100.
 *
 * @example
 * greeks(100_000, 110_000, 30 / 365, 0.55, 'call').rho; // → 22.351: K·T·N(d2)/100
 * greeks(100_000, 110_000, 30 / 365, 0.55, 'call', { convention: 'black76' }).rho; // → -2.2723
 */
import { normalCdf, normalPdf } from '../math/normal';
import { black76Unchecked, optionSign, validBlackInputs, type OptionType } from './black76';

export interface Greeks {
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  rho: number;
}

/** 'deribit' (the default): rho with the spot fixed, last-day theta as the decay to expiry; 'black76': textbook. */
export type GreeksConvention = 'deribit' | 'black76';

export interface GreeksOptions {
  convention?: GreeksConvention;
}

const NAN_GREEKS: Greeks = { delta: NaN, gamma: NaN, vega: NaN, theta: NaN, rho: NaN };
const ONE_DAY = 1 / 365;

/**
 * Black-76 Greeks on Deribit's conventions (above) or, with `{ convention: 'black76' }`, the textbook ones;
 * invalid inputs give NaN for every Greek.
 *
 * @example
 * greeks(100_000, 110_000, 30 / 365, 0.55, 'call').vega; // → 99.617
 * greeks(100_000, 110_000, 30 / 365, 0.55, 'call').theta; // → -91.316
 * greeks(2_250, 2_300, 9 / 24 / 365, 0.7, 'call').theta; // → -4.4203: all of its time value, 9 h to expiry
 * greeks(2_250, 2_300, 9 / 24 / 365, 0.7, 'call', { convention: 'black76' }).theta; // → -16.803
 */
export function greeks(
  F: number,
  K: number,
  T: number,
  sigma: number,
  type: OptionType,
  options: GreeksOptions = {},
): Greeks {
  const theta = optionSign(type);
  if (!validBlackInputs(F, K, T, sigma)) return { ...NAN_GREEKS };
  const out = { ...NAN_GREEKS };
  greeksInto(F, K, T, sigma, theta, out, options.convention ?? 'deribit');
  return out;
}

/** Fills `out` with the Greeks; inputs assumed valid. Shared by the scalar and typed-array versions. */
export function greeksInto(
  F: number,
  K: number,
  T: number,
  sigma: number,
  theta: number,
  out: Greeks,
  convention: GreeksConvention = 'deribit',
): void {
  const sqrtT = Math.sqrt(T);
  const s = sigma * sqrtT;
  const price = black76Unchecked(F, K, s, theta);
  const deribit = convention === 'deribit';
  if (!(s > 0)) {
    // At expiry or zero vol: the delta of the intrinsic value (½ at the money), no curvature or time value.
    const itm = F === K ? 0.5 : theta * (F - K) > 0 ? 1 : 0;
    out.delta = theta * itm + 0; // + 0: no −0 for an out-of-the-money put
    out.gamma = 0;
    out.vega = 0;
    out.theta = 0;
    out.rho = deribit ? (theta * K * T * itm) / 100 + 0 : (-T * price) / 100;
    return;
  }
  const d1 = Math.log(F / K) / s + 0.5 * s;
  const pdf = normalPdf(d1);
  out.delta = theta > 0 ? normalCdf(d1) : -normalCdf(-d1);
  out.gamma = pdf / (F * s);
  out.vega = (F * pdf * sqrtT) / 100;
  const rate = (-F * pdf * sigma) / (2 * sqrtT) / 365;
  if (!deribit) {
    out.theta = rate;
    out.rho = (-T * price) / 100;
    return;
  }
  out.theta = T < ONE_DAY ? -(price - Math.max(theta * (F - K), 0)) : rate;
  out.rho = (theta * K * T * normalCdf(theta * (d1 - s))) / 100;
}

/** Premium-adjusted (coin-denominated) delta: delta − price/F, as for an option paid in the coin. */
export function premiumAdjustedDelta(
  F: number,
  K: number,
  T: number,
  sigma: number,
  type: OptionType,
): number {
  const theta = optionSign(type);
  if (!validBlackInputs(F, K, T, sigma)) return NaN;
  const out = { ...NAN_GREEKS };
  greeksInto(F, K, T, sigma, theta, out);
  return out.delta - black76Unchecked(F, K, sigma * Math.sqrt(T), theta) / F;
}
