/**
 * Least squares by Householder QR: numerically safer than the normal equations (the condition number is
 * not squared), which matters for HAR regressors that are strongly collinear.
 */
export interface LeastSquares {
  /** Coefficients, length p. */
  coefficients: Float64Array;
  /** y − Xβ, length n. */
  residuals: Float64Array;
  /** Residual sum of squares. */
  rss: number;
}

/**
 * Minimise ‖y − Xβ‖² for X given row-major (n × p, n ≥ p, full column rank).
 *
 * @example
 * lstsq(Float64Array.of(1, 0, 1, 1, 1, 2), 3, 2, Float64Array.of(1, 3, 5)).coefficients; // [1, 2]
 */
export function lstsq(x: Float64Array, n: number, p: number, y: Float64Array): LeastSquares {
  if (!(p >= 1) || !(n >= p)) throw new RangeError(`invalid shape: ${n} × ${p}`);
  if (x.length !== n * p) throw new RangeError(`invalid x length: ${x.length}`);
  if (y.length !== n) throw new RangeError(`invalid y length: ${y.length}`);
  // Column-major working copy so the Householder sweeps run down contiguous memory.
  const a = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) a[j * n + i] = x[i * p + j]!;
  const b = Float64Array.from(y);
  const diag = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const col = k * n;
    let norm = euclideanNorm(a, col + k, col + n, 1);
    const full = euclideanNorm(x, k, n * p, p);
    // What is left of the column after projecting out the earlier ones is rounding noise: collinear.
    if (!(norm > 1e-12 * full)) throw new RangeError(`rank deficient: column ${k}`);
    if (a[col + k]! > 0) norm = -norm;
    for (let i = k; i < n; i++) a[col + i]! /= -norm;
    a[col + k]! += 1;
    // Apply H = I − v vᵀ / v_k to the remaining columns and to b.
    for (let j = k + 1; j < p; j++) {
      const cj = j * n;
      let s = 0;
      for (let i = k; i < n; i++) s += a[col + i]! * a[cj + i]!;
      s = -s / a[col + k]!;
      for (let i = k; i < n; i++) a[cj + i]! += s * a[col + i]!;
    }
    let s = 0;
    for (let i = k; i < n; i++) s += a[col + i]! * b[i]!;
    s = -s / a[col + k]!;
    for (let i = k; i < n; i++) b[i]! += s * a[col + i]!;
    diag[k] = norm;
  }
  const beta = new Float64Array(p);
  for (let k = p - 1; k >= 0; k--) {
    let s = b[k]!;
    for (let j = k + 1; j < p; j++) s -= a[j * n + k]! * beta[j]!;
    beta[k] = s / diag[k]!;
  }
  if (!beta.every(Number.isFinite)) throw new RangeError('rank deficient design');
  const residuals = new Float64Array(n);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let fit = 0;
    for (let j = 0; j < p; j++) fit += x[i * p + j]! * beta[j]!;
    const e = y[i]! - fit;
    residuals[i] = e;
    rss += e * e;
  }
  return { coefficients: beta, residuals, rss };
}

/**
 * ‖v‖ over v[from], v[from + step], … below `to`, scaled by the largest |v_i| so that neither the squares of
 * huge entries overflow nor those of tiny ones underflow (LAPACK's dnrm2 does the same in one pass; two passes
 * are simpler and, unlike `Math.hypot` per element, cheap).
 */
function euclideanNorm(v: Float64Array, from: number, to: number, step: number): number {
  let scale = 0;
  for (let i = from; i < to; i += step) scale = Math.max(scale, Math.abs(v[i]!));
  if (!(scale > 0) || scale === Infinity) return scale;
  let sum = 0;
  for (let i = from; i < to; i += step) {
    const q = v[i]! / scale;
    sum += q * q;
  }
  return scale * Math.sqrt(sum);
}
