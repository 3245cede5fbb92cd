/**
 * Dense square solves by LU with partial pivoting (row-major n × n). Small systems only: HAR normal
 * equations, Hessian approximations, covariance inverses.
 */
interface Lu {
  lu: Float64Array;
  pivot: Int32Array;
}

function decompose(a: Float64Array, n: number): Lu {
  if (!(n >= 1) || a.length !== n * n)
    throw new RangeError(`invalid matrix: ${a.length} for n = ${n}`);
  const lu = Float64Array.from(a);
  const pivot = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let best = k;
    for (let i = k + 1; i < n; i++)
      if (Math.abs(lu[i * n + k]!) > Math.abs(lu[best * n + k]!)) best = i;
    pivot[k] = best;
    if (lu[best * n + k] === 0) throw new RangeError('singular matrix');
    if (best !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!;
        lu[k * n + j] = lu[best * n + j]!;
        lu[best * n + j] = t;
      }
    }
    const d = lu[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const f = (lu[i * n + k]! /= d);
      if (f !== 0) for (let j = k + 1; j < n; j++) lu[i * n + j]! -= f * lu[k * n + j]!;
    }
  }
  return { lu, pivot };
}

function substitute({ lu, pivot }: Lu, n: number, rhs: Float64Array): Float64Array {
  const x = Float64Array.from(rhs);
  for (let k = 0; k < n; k++) {
    const p = pivot[k]!;
    if (p !== k) {
      const t = x[k]!;
      x[k] = x[p]!;
      x[p] = t;
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) x[i]! -= lu[i * n + j]! * x[j]!;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) x[i]! -= lu[i * n + j]! * x[j]!;
    x[i]! /= lu[i * n + i]!;
  }
  return x;
}

/**
 * Solve A x = b for square A (row-major n × n).
 *
 * @example
 * solve(Float64Array.of(2, 1, 1, 3), Float64Array.of(3, 5)); // [0.8, 1.4]
 */
export function solve(a: Float64Array, b: Float64Array): Float64Array {
  const n = b.length;
  return substitute(decompose(a, n), n, b);
}

/**
 * Inverse of a square matrix (row-major n × n).
 *
 * @example
 * inverse(Float64Array.of(4, 7, 2, 6)); // [0.6, -0.7, -0.2, 0.4]
 */
export function inverse(a: Float64Array): Float64Array {
  const n = Math.round(Math.sqrt(a.length));
  const lu = decompose(a, n);
  const out = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const col = substitute(lu, n, e);
    for (let i = 0; i < n; i++) out[i * n + j] = col[i]!;
  }
  return out;
}
