import { RESCALE_ABOVE, RESCALE_BELOW } from './rescale';

/**
 * The scaled forward-backward kernels unrolled for K = 2 (calm / turbulent, the default): the
 * transition matrix, the predicted row and the ξ sums live in locals. Same contract as the
 * generic loops in forward-backward.ts; the unit tests check both against brute-force enumeration.
 */

/** Forward pass; the contract and the lazy scaling are forward()'s in forward-backward.ts. */
export function forward2(
  pi: Float64Array,
  A: Float64Array,
  em: Float64Array,
  alpha: Float64Array,
  invScale: Float64Array,
  T: number,
): number {
  const a00 = A[0]!;
  const a01 = A[1]!;
  const a10 = A[2]!;
  const a11 = A[3]!;
  let p0 = pi[0]!;
  let p1 = pi[1]!;
  let ll = 0;
  for (let t = 0, o = 0; t < T; t++, o += 2) {
    let f0 = p0 * em[o]!;
    let f1 = p1 * em[o + 1]!;
    const c = f0 + f1;
    let inv = 1;
    if (!(c >= RESCALE_BELOW && c <= RESCALE_ABOVE)) {
      if (!(c > 0)) return -Infinity;
      inv = 1 / c;
      f0 *= inv;
      f1 *= inv;
      ll += Math.log(c);
    }
    alpha[o] = f0;
    alpha[o + 1] = f1;
    invScale[t] = inv;
    p0 = f0 * a00 + f1 * a10;
    p1 = f0 * a01 + f1 * a11;
  }
  return ll + Math.log(alpha[2 * T - 2]! + alpha[2 * T - 1]!);
}

/** Backward pass: posteriors γ over `alpha`, Σ_t ξ_t into `xi` (see forward-backward.ts). */
export function backward2(
  A: Float64Array,
  em: Float64Array,
  alpha: Float64Array,
  invScale: Float64Array,
  xi: Float64Array,
  T: number,
): void {
  const a00 = A[0]!;
  const a01 = A[1]!;
  const a10 = A[2]!;
  const a11 = A[3]!;
  const total = alpha[2 * T - 2]! + alpha[2 * T - 1]!; // Σ_k α̂_{T−1}(k) = L / D
  let x00 = 0;
  let x01 = 0;
  let x10 = 0;
  let x11 = 0;
  let b0 = 1; // β̂_{T−1}
  let b1 = 1;
  for (let t = T - 2, o = 2 * t; t >= 0; t--, o -= 2) {
    const n = o + 2;
    const inv = invScale[t + 1]!;
    const u0 = em[n]! * b0 * inv;
    const u1 = em[n + 1]! * b1 * inv;
    // γ_{t+1} = α̂_{t+1} β̂_{t+1}, renormalized against rounding; α̂_{t+1} is not needed again.
    const g0 = alpha[n]! * b0;
    const g1 = alpha[n + 1]! * b1;
    const norm = 1 / (g0 + g1);
    alpha[n] = g0 * norm;
    alpha[n + 1] = g1 * norm;
    const f0 = alpha[o]!;
    const f1 = alpha[o + 1]!;
    x00 += f0 * u0;
    x01 += f0 * u1;
    x10 += f1 * u0;
    x11 += f1 * u1;
    b0 = a00 * u0 + a01 * u1;
    b1 = a10 * u0 + a11 * u1;
  }
  const g0 = alpha[0]! * b0;
  const g1 = alpha[1]! * b1;
  const norm = 1 / (g0 + g1);
  alpha[0] = g0 * norm;
  alpha[1] = g1 * norm;
  const w = 1 / total;
  xi[0] = w * a00 * x00;
  xi[1] = w * a01 * x01;
  xi[2] = w * a10 * x10;
  xi[3] = w * a11 * x11;
}
