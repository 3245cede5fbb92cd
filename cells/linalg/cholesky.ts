/**
 * Cholesky factor L (lower, row-major) of a symmetric positive-definite n × n matrix: A = L Lᵀ.
 *
 * @example
 * cholesky(Float64Array.of(4, 2, 2, 3)); // [2, 0, 1, √2]
 */
export function cholesky(a: Float64Array): Float64Array {
  const n = Math.round(Math.sqrt(a.length));
  if (n * n !== a.length || n < 1) throw new RangeError(`invalid matrix length: ${a.length}`);
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(s > 0)) throw new RangeError('matrix is not positive definite');
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / l[j * n + j]!;
      }
    }
  }
  return l;
}

/**
 * Solve A x = b for symmetric positive-definite A via its Cholesky factor.
 *
 * @example
 * choleskySolve(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1)); // [0.5, 0]
 */
export function choleskySolve(a: Float64Array, b: Float64Array): Float64Array {
  const n = b.length;
  if (a.length !== n * n) throw new RangeError(`invalid shapes: ${a.length} and ${n}`);
  const l = cholesky(a);
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) x[i]! -= l[i * n + k]! * x[k]!;
    x[i]! /= l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) x[i]! -= l[k * n + i]! * x[k]!;
    x[i]! /= l[i * n + i]!;
  }
  return x;
}
