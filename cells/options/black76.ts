/**
 * Black-76 on the forward with r = 0, as Deribit prices its options: F is the option's `underlying_price`
 * (a future or synthetic forward), T is ACT/365 years to expiry, sigma a fraction (mark_iv / 100).
 *
 * @example
 * black76Price(100_000, 110_000, 30 / 365, 0.55, 'call'); // 2764.665… USD (mark_price 0.0276467 BTC)
 */
import { normalisedBlack } from './normalised-black';

export type OptionType = 'call' | 'put';

/** ±1 for call/put; throws on anything else so a typo never prices silently. */
export function optionSign(type: OptionType): 1 | -1 {
  if (type === 'call') return 1;
  if (type === 'put') return -1;
  throw new RangeError(`invalid type: ${String(type)}`);
}

/** Inputs Black-76 can price: finite positive F and K, T and σ not negative (T = 0 or σ = 0 is intrinsic). */
export function validBlackInputs(F: number, K: number, T: number, sigma: number): boolean {
  return F > 0 && K > 0 && T >= 0 && sigma >= 0 && F < Infinity && K < Infinity;
}

/**
 * Undiscounted Black-76 price in USD (the forward's currency). Non-finite or non-positive F, K and negative
 * T or sigma give NaN; T = 0 or sigma = 0 give the intrinsic value. Deep out-of-the-money prices keep full
 * relative precision (computed through Jäckel's normalised Black function, not F·N(d1) − K·N(d2)).
 *
 * @example
 * black76Price(100_000, 110_000, 30 / 365, 0.55, 'call'); // 2764.665… USD
 * black76Price(100_000, 110_000, 30 / 365, 0.55, 'put'); // 12764.665… USD (put–call parity: + K − F)
 * black76Price(100_000, 110_000, 30 / 365, 0.55, 'call') / 100_000; // 0.0276467: Deribit's mark_price in BTC
 */
export function black76Price(
  F: number,
  K: number,
  T: number,
  sigma: number,
  type: OptionType,
): number {
  const theta = optionSign(type);
  if (!validBlackInputs(F, K, T, sigma)) return NaN;
  return black76Unchecked(F, K, sigma * Math.sqrt(T), theta);
}

/** Black-76 from total volatility s = σ√T and sign theta (+1 call, −1 put), inputs assumed valid. */
export function black76Unchecked(F: number, K: number, s: number, theta: number): number {
  const intrinsic = Math.max(theta * (F - K), 0);
  if (s <= 0) return intrinsic;
  if (s === Infinity) return theta > 0 ? F : K;
  const x = Math.log(F / K);
  // Put–call parity on the normalised price: the in-the-money option is the intrinsic plus the OTM one.
  const otmTheta = x > 0 ? -1 : 1;
  const otm = Math.sqrt(F * K) * normalisedBlack(x, s, otmTheta);
  return otmTheta === theta ? otm : intrinsic + otm;
}
