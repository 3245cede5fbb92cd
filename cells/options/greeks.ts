/**
 * Black-76 Greeks in Deribit's units (r = 0, USD, F the option's underlying_price):
 * - delta: ∂V/∂F, N(d1) for a call and N(d1) − 1 for a put (not premium-adjusted);
 * - gamma: ∂²V/∂F² per $1 of the forward;
 * - vega: USD per vol point (σ + 0.01);
 * - theta: USD per calendar day (T − 1/365), negative for a long option;
 * - rho: USD per 1% (0.01) move in the discount rate. The price is undiscounted (r = 0), so as the
 *   sensitivity of e^{−rT}·V at r = 0 this is −T·V/100.
 *
 * @example
 * greeks(100_000, 110_000, 30 / 365, 0.55, 'call'); // {delta: 0.29958, gamma: 2.2036e-5, vega: 99.617, theta: −91.316, rho: −2.2723}
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

const NAN_GREEKS: Greeks = { delta: NaN, gamma: NaN, vega: NaN, theta: NaN, rho: NaN };

/**
 * Black-76 Greeks in Deribit's units (above); invalid inputs give NaN for every Greek.
 *
 * @example
 * greeks(100_000, 110_000, 30 / 365, 0.55, 'call').vega; // 99.617 USD per vol point
 */
export function greeks(F: number, K: number, T: number, sigma: number, type: OptionType): Greeks {
  const theta = optionSign(type);
  if (!validBlackInputs(F, K, T, sigma)) return { ...NAN_GREEKS };
  const out = { ...NAN_GREEKS };
  greeksInto(F, K, T, sigma, theta, out);
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
): void {
  const sqrtT = Math.sqrt(T);
  const s = sigma * sqrtT;
  const price = black76Unchecked(F, K, s, theta);
  out.rho = (-T * price) / 100;
  if (!(s > 0)) {
    // At expiry or zero vol: the delta of the intrinsic value (½ at the money), no curvature or time value.
    out.delta = F === K ? 0.5 * theta : theta * (F - K) > 0 ? theta : 0;
    out.gamma = 0;
    out.vega = 0;
    out.theta = 0;
    return;
  }
  const d1 = Math.log(F / K) / s + 0.5 * s;
  const pdf = normalPdf(d1);
  out.delta = theta > 0 ? normalCdf(d1) : -normalCdf(-d1);
  out.gamma = pdf / (F * s);
  out.vega = (F * pdf * sqrtT) / 100;
  out.theta = (-F * pdf * sigma) / (2 * sqrtT) / 365;
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
