/**
 * Black-76 prices and Greeks for whole chains, as a struct of Float64Arrays. Arguments are arrays (one value per
 * option) or scalars (one value for all), types are 'call' | 'put' strings or signs ±1.
 *
 * @example
 * const strikes = Float64Array.of(90_000, 100_000, 110_000);
 * const g = greeksArray(100_000, strikes, 30 / 365, 0.6, 'call'); // g.delta[i], g.vega[i], …
 * g.delta[1]; // → 0.5343: N(σ√T / 2) at the money
 */
import { black76Unchecked, validBlackInputs } from './black76';
import { greeksInto, type Greeks, type GreeksOptions } from './greeks';
import { typeSignAt, valueAt, type NumberOrArray, type OptionTypes } from './implied-vol';

export interface GreeksArrays {
  delta: Float64Array;
  gamma: Float64Array;
  vega: Float64Array;
  theta: Float64Array;
  rho: Float64Array;
}

function chainLength(args: NumberOrArray[], types: OptionTypes): number {
  let n = -1;
  for (const v of [...args, types]) {
    if (typeof v === 'number' || typeof v === 'string') continue;
    if (n >= 0 && v.length !== n)
      throw new RangeError(`invalid length: ${v.length} (expected ${n})`);
    n = v.length;
  }
  return n < 0 ? 1 : n;
}

/** USD Black-76 prices for a chain; NaN for invalid inputs. */
export function black76PriceArray(
  F: NumberOrArray,
  K: NumberOrArray,
  T: NumberOrArray,
  sigma: NumberOrArray,
  types: OptionTypes,
): Float64Array {
  const n = chainLength([F, K, T, sigma], types);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = valueAt(F, i);
    const k = valueAt(K, i);
    const t = valueAt(T, i);
    const s = valueAt(sigma, i);
    out[i] = validBlackInputs(f, k, t, s)
      ? black76Unchecked(f, k, s * Math.sqrt(t), typeSignAt(types, i))
      : NaN;
  }
  return out;
}

/** Greeks in Deribit's units and conventions (see `greeks`, and its `options`) for a chain; NaN for invalid inputs. */
export function greeksArray(
  F: NumberOrArray,
  K: NumberOrArray,
  T: NumberOrArray,
  sigma: NumberOrArray,
  types: OptionTypes,
  options: GreeksOptions = {},
): GreeksArrays {
  const convention = options.convention ?? 'deribit';
  const n = chainLength([F, K, T, sigma], types);
  const out: GreeksArrays = {
    delta: new Float64Array(n),
    gamma: new Float64Array(n),
    vega: new Float64Array(n),
    theta: new Float64Array(n),
    rho: new Float64Array(n),
  };
  const g: Greeks = { delta: NaN, gamma: NaN, vega: NaN, theta: NaN, rho: NaN };
  for (let i = 0; i < n; i++) {
    const f = valueAt(F, i);
    const k = valueAt(K, i);
    const t = valueAt(T, i);
    const s = valueAt(sigma, i);
    if (validBlackInputs(f, k, t, s)) greeksInto(f, k, t, s, typeSignAt(types, i), g, convention);
    else g.delta = g.gamma = g.vega = g.theta = g.rho = NaN;
    out.delta[i] = g.delta;
    out.gamma[i] = g.gamma;
    out.vega[i] = g.vega;
    out.theta[i] = g.theta;
    out.rho[i] = g.rho;
  }
  return out;
}
