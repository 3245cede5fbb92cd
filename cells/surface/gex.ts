/**
 * Dealer gamma exposure (GEX) of an option chain, by strike and in total, and the zero-gamma level.
 *
 * Convention (stated because vendors differ): the common "calls +, puts −" one, i.e. dealers are assumed long
 * the calls and short the puts the public holds open. Per option GEX = ±Γ·OI·S²·1%: the USD change in dealers'
 * delta for a 1% move of the spot S, with Γ the Black-76 gamma per $1 of the forward (Deribit's unit) and OI in
 * contracts of one coin. The zero-gamma level is the spot at which total GEX changes sign, found by re-pricing
 * every option's gamma on a grid of hypothetical spots (sticky strike: each forward moves with the spot, each
 * vol stays) and interpolating linearly between the two grid points that bracket the sign change nearest spot.
 *
 * @example
 * const g = gammaExposure([{strike: 100_000, T: 0.1, iv: 0.5, forward: 100_500, type: 'call', openInterest: 10}], 100_000);
 * g.total; // > 0: calls add dealer gamma in this convention
 */
import { normalPdf } from '../math/normal';

export interface GexOption {
  strike: number;
  /** Years to expiry. */
  T: number;
  /** Implied vol, fraction. */
  iv: number;
  /** The option's forward (Deribit's `underlying_price`). */
  forward: number;
  type: 'call' | 'put';
  /** Contracts (coins). */
  openInterest: number;
}

export interface GexByStrike {
  strike: number;
  /** USD per 1% spot move, calls (+). */
  call: number;
  /** USD per 1% spot move, puts (−). */
  put: number;
  net: number;
}

export interface GammaExposure {
  byStrike: GexByStrike[];
  /** Net GEX, USD per 1% spot move. */
  total: number;
  /** Spot where total GEX crosses zero; null when it does not on the scanned range. */
  zeroGamma: number | null;
  /** Total GEX at each scanned spot (`gexGrid`), to add up across expiries. */
  profile: Float64Array;
}

export interface GexOptions {
  /** Scanned spot range as fractions of spot (default 0.5..1.5). */
  from?: number;
  to?: number;
  /** Grid points (default 201). */
  n?: number;
}

/** Black-76 gamma per $1 of the forward: φ(d1)/(F σ √T); 0 for invalid input. */
export function black76Gamma(F: number, K: number, T: number, sigma: number): number {
  if (!(F > 0 && K > 0 && T > 0 && sigma > 0)) return 0;
  const s = sigma * Math.sqrt(T);
  const d1 = Math.log(F / K) / s + 0.5 * s;
  return normalPdf(d1) / (F * s);
}

/** The spots scanned, as fractions of spot. */
export function gexGrid({ from = 0.5, to = 1.5, n = 201 }: GexOptions = {}): Float64Array {
  if (!(to > from && from > 0 && n >= 2))
    throw new RangeError(`invalid grid: ${from}..${to} (${n})`);
  return Float64Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

/**
 * Total GEX (USD per 1%) at each grid spot x·spot, every forward moved by the same factor x. The logs are
 * taken once per option and per grid point, so each evaluation costs one exp.
 */
export function gexProfile(
  options: readonly GexOption[],
  spot: number,
  grid: GexOptions = {},
): Float64Array {
  const xs = gexGrid(grid);
  const lnX = xs.map(Math.log);
  const out = new Float64Array(xs.length);
  const invSqrt2Pi = 1 / Math.sqrt(2 * Math.PI);
  for (const o of options) {
    if (!(o.openInterest > 0 && o.forward > 0 && o.strike > 0 && o.T > 0 && o.iv > 0)) continue;
    const s = o.iv * Math.sqrt(o.T);
    const m = Math.log(o.forward / o.strike);
    const scale = (o.type === 'call' ? 1 : -1) * o.openInterest * spot * spot * 0.01 * invSqrt2Pi;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      const d1 = (m + lnX[i]!) / s + 0.5 * s;
      // Γ(F·x)·(x·spot)² = φ(d1)/(F·x·s) · x²·spot²
      out[i]! += (scale * Math.exp(-0.5 * d1 * d1) * x) / (o.forward * s);
    }
  }
  return out;
}

/** The sign change of a GEX profile nearest x = 1, interpolated linearly, as a spot; null when none. */
export function zeroCrossing(
  profile: ArrayLike<number>,
  spot: number,
  grid: GexOptions = {},
): number | null {
  const xs = gexGrid(grid);
  if (profile.length !== xs.length)
    throw new RangeError(`invalid profile length: ${profile.length}`);
  let best: number | null = null;
  for (let i = 1; i < xs.length; i++) {
    const y0 = profile[i - 1]!;
    const y1 = profile[i]!;
    if ((y0 < 0 && y1 >= 0) || (y0 > 0 && y1 <= 0)) {
      const level = spot * (xs[i - 1]! + ((xs[i]! - xs[i - 1]!) * y0) / (y0 - y1));
      if (best === null || Math.abs(level - spot) < Math.abs(best - spot)) best = level;
    }
  }
  return best;
}

/** GEX by strike (ascending), total and zero-gamma level of a chain at spot `spot`. */
export function gammaExposure(
  options: readonly GexOption[],
  spot: number,
  grid: GexOptions = {},
): GammaExposure {
  if (!(spot > 0)) throw new RangeError(`invalid spot: ${spot}`);
  const rows = new Map<number, GexByStrike>();
  for (const o of options) {
    if (!(o.openInterest > 0)) continue;
    const g = black76Gamma(o.forward, o.strike, o.T, o.iv) * o.openInterest * spot * spot * 0.01;
    let row = rows.get(o.strike);
    if (!row) rows.set(o.strike, (row = { strike: o.strike, call: 0, put: 0, net: 0 }));
    if (o.type === 'call') row.call += g;
    else row.put -= g;
    row.net = row.call + row.put;
  }
  const byStrike = [...rows.values()].sort((a, b) => a.strike - b.strike);
  const total = byStrike.reduce((s, r) => s + r.net, 0);
  const profile = gexProfile(options, spot, grid);
  return { byStrike, total, zeroGamma: zeroCrossing(profile, spot, grid), profile };
}

/** The sign change of total GEX nearest `spot` on the grid, interpolated; null when there is none. */
export function zeroGammaLevel(
  options: readonly GexOption[],
  spot: number,
  grid: GexOptions = {},
): number | null {
  return zeroCrossing(gexProfile(options, spot, grid), spot, grid);
}
