import { lstsq } from '../linalg/qr';

/** A fitted AR(p): x_t = c + φ₁ x_{t−1} + … + φ_p x_{t−p} + ε_t. */
export interface ArFit {
  p: number;
  /** [c, φ₁, …, φ_p]: intercept first. */
  coefficients: Float64Array;
  /** Residual variance RSS / (nobs − p − 1), the unbiased OLS estimate (nobs = n − p). */
  sigma2: number;
  /** Residuals for t = p … n − 1 (length n − p). */
  residuals: Float64Array;
  /** Iterated forecasts of the next h values after the sample. */
  forecast(h: number): Float64Array;
  /** Iterated forecasts of the next h values after `history`, with these coefficients. */
  forecastFrom(history: ArrayLike<number>, h: number): Float64Array;
  toJSON(): ArJson;
}

export interface ArJson {
  kind: 'ar';
  p: number;
  coefficients: number[];
  sigma2: number;
  /** The last p observations, so `forecast` works after a round trip. */
  tail: number[];
}

/**
 * Fit an AR(p) with intercept by ordinary least squares (Householder QR) on the rows t = p … n − 1,
 * i.e. conditional on the first p observations (statsmodels `AutoReg(x, p, trend='c')` gives the same
 * coefficients; its `sigma2` is RSS / nobs, ours is RSS / (nobs − p − 1)).
 *
 * @example
 * const rng = vol.random.createRng(1);
 * const x = new Float64Array(500);
 * for (let t = 1; t < x.length; t++) x[t] = 0.5 * x[t - 1] + rng.normal();
 * const fit = fitAr(x, 2);
 * fit.coefficients; // [c, φ₁, φ₂], φ₁ near 0.5
 * fit.forecast(5); // next five values
 */
export function fitAr(x: ArrayLike<number>, p: number): ArFit {
  if (!Number.isInteger(p) || p < 0) throw new RangeError(`invalid p: ${p}`);
  const n = x.length;
  const nobs = n - p;
  if (nobs < p + 2) throw new RangeError(`series too short for p = ${p}: ${n}`);
  const k = p + 1;
  const design = new Float64Array(nobs * k);
  const y = new Float64Array(nobs);
  for (let r = 0; r < nobs; r++) {
    const t = r + p;
    design[r * k] = 1;
    for (let j = 1; j <= p; j++) design[r * k + j] = x[t - j]!;
    y[r] = x[t]!;
  }
  const { coefficients, residuals, rss } = lstsq(design, nobs, k, y);
  const tail = Array.from({ length: p }, (_, i) => x[n - p + i]!);
  return makeAr(coefficients, rss / (nobs - k), residuals, tail);
}

/** Rebuild an AR fit from `toJSON()` output (residuals are not kept). */
export function arFromJSON(json: ArJson): ArFit {
  if (json.kind !== 'ar' || json.coefficients.length !== json.p + 1)
    throw new TypeError('invalid AR JSON');
  return makeAr(Float64Array.from(json.coefficients), json.sigma2, new Float64Array(0), json.tail);
}

function makeAr(
  coefficients: Float64Array,
  sigma2: number,
  residuals: Float64Array,
  tail: number[],
): ArFit {
  const p = coefficients.length - 1;
  const forecastFrom = (history: ArrayLike<number>, h: number): Float64Array => {
    if (!Number.isInteger(h) || h < 1) throw new RangeError(`invalid h: ${h}`);
    if (history.length < p) throw new RangeError(`history shorter than p: ${history.length}`);
    const buf = new Float64Array(p + h);
    for (let i = 0; i < p; i++) buf[i] = history[history.length - p + i]!;
    for (let s = 0; s < h; s++) {
      let v = coefficients[0]!;
      for (let j = 1; j <= p; j++) v += coefficients[j]! * buf[p + s - j]!;
      buf[p + s] = v;
    }
    return buf.slice(p);
  };
  return {
    p,
    coefficients,
    sigma2,
    residuals,
    forecast: (h) => forecastFrom(tail, h),
    forecastFrom,
    toJSON: () => ({
      kind: 'ar',
      p,
      coefficients: Array.from(coefficients),
      sigma2,
      tail: [...tail],
    }),
  };
}
