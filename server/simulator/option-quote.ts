/**
 * The simulated option quote, written once: the forward of an expiry (the index plus a regime-dependent
 * basis with a little noise), the SSVI mark vol, a bid/ask spread in vol points that widens in the wings and
 * in stressed regimes, Black-76 prices in coin (USD price / forward) and Greeks in Deribit's units. The bundled
 * chain generator (`chain.ts`) and the live feed (`sources/simulated/simulator-feed.ts`) both quote through
 * here, so the live feed continues the bundled data's spreads.
 */
import { black76Price, greeks, type Greeks } from '../../cells/options';
import { createRng } from '../../cells/random';
import { atmImpliedVol, type VolSnapshot } from './implied';
import { smileSlice, sliceVol, type SmileSlice } from './smile';
import { MS_PER_YEAR } from '../../cells/time';

/** Annualized basis of the forward over the index by regime (contango in calm markets). */
export const BASIS: readonly number[] = [0.08, 0.04, 0];
/** Standard deviation of the per-expiry basis noise, annualized. */
export const BASIS_NOISE = 0.003;
/** Spread multiplier by regime. */
export const SPREAD_STRESS: readonly number[] = [1, 1.3, 1.8];

/** One expiry's smile at one moment: what every strike's quote needs. */
export interface ExpiryQuoteContext {
  /** Years to expiry. */
  T: number;
  /** The forward, USD. */
  F: number;
  atm: number;
  slice: SmileSlice;
  regime: number;
}

/** The numbers of one option quote; vols in percent, prices in coin. */
export interface OptionQuoteNumbers extends Greeks {
  mark_iv: number;
  bid_iv: number;
  ask_iv: number;
  mark_price: number;
  best_bid_price: number;
  best_ask_price: number;
  /** |log-moneyness| in ATM standard deviations (drives the spread and open interest). */
  z: number;
}

/** The forward for `years` to expiry; `noise` is a standard normal draw (0 for the noise-free forward). */
export function optionForward(indexPrice: number, regime: number, years: number, noise: number) {
  return indexPrice * Math.exp((BASIS[regime]! + BASIS_NOISE * noise) * years);
}

/**
 * @example
 * const e = expiryContext({ t, expiryMs, coin: 0, indexPrice: 95_000, snap, basisNoise: rng.normal() });
 */
export function expiryContext(input: {
  t: number;
  expiryMs: number;
  coin: number;
  indexPrice: number;
  snap: VolSnapshot;
  basisNoise: number;
}): ExpiryQuoteContext {
  const T = (input.expiryMs - input.t) / MS_PER_YEAR;
  const { regime } = input.snap;
  const atm = atmImpliedVol(input.snap, input.coin, T);
  const F = optionForward(input.indexPrice, regime, T, input.basisNoise);
  return { T, F, atm, slice: smileSlice(atm, T, input.snap.regime), regime };
}

/**
 * Quote one strike of an expiry.
 *
 * @example
 * const q = quoteOption(expiryContext({...}), 100_000, 'call'); // q.bid_iv < q.mark_iv < q.ask_iv
 */
export function quoteOption(
  e: ExpiryQuoteContext,
  K: number,
  type: 'call' | 'put',
): OptionQuoteNumbers {
  const { F, T } = e;
  const k = Math.log(K / F);
  const iv = sliceVol(e.slice, k, T);
  const z = Math.abs(k) / (e.atm * Math.sqrt(T));
  const half = Math.min(5, (0.55 + 0.35 * z ** 1.5) * SPREAD_STRESS[e.regime]!) / 100;
  const bidIv = Math.max(iv - half, 0.5 * iv);
  const askIv = iv + half;
  return {
    mark_iv: 100 * iv,
    bid_iv: 100 * bidIv,
    ask_iv: 100 * askIv,
    mark_price: black76Price(F, K, T, iv, type) / F,
    best_bid_price: black76Price(F, K, T, bidIv, type) / F,
    best_ask_price: black76Price(F, K, T, askIv, type) / F,
    ...greeks(F, K, T, iv, type),
    z,
  };
}

/** Mean open interest of a strike (contracts) before the generator's per-row noise. */
export function meanOpenInterest(coin: number, z: number, T: number): number {
  const base = coin === 0 ? 1500 : coin === 1 ? 12_000 : 500;
  return base * Math.exp(-0.5 * (z / 1.5) ** 2) * (0.3 + 2 * Math.min(T, 0.5));
}

/**
 * The live feed's basis noise: `count` standard normals, one per listed expiry in order, a pure function of
 * the seed, the coin and the second `t` falls in (the feed reprices at most once a second).
 *
 * @example
 * const noise = liveBasisNoise(42, 0, Date.now(), expiries.length);
 */
export function liveBasisNoise(seed: number, coin: number, t: number, count: number): number[] {
  const mixed =
    Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(coin + 1, 0x85ebca6b) ^ Math.floor(t / 1000);
  const rng = createRng(mixed >>> 0);
  return Array.from({ length: count }, () => rng.normal());
}
