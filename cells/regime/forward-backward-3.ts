import { RESCALE_ABOVE, RESCALE_BELOW } from './rescale';

/**
 * The scaled forward-backward kernels unrolled for K = 3: the nine transition probabilities, the
 * predicted row and the nine ξ sums live in locals instead of arrays. Same contract as the generic
 * loops in forward-backward.ts; the unit tests check both against brute-force enumeration.
 */

/** Forward pass; the contract and the lazy scaling are forward()'s in forward-backward.ts. */
export function forward3(
  pi: Float64Array,
  A: Float64Array,
  em: Float64Array,
  alpha: Float64Array,
  invScale: Float64Array,
  T: number,
): number {
  const a00 = A[0]!,
    a01 = A[1]!,
    a02 = A[2]!;
  const a10 = A[3]!,
    a11 = A[4]!,
    a12 = A[5]!;
  const a20 = A[6]!,
    a21 = A[7]!,
    a22 = A[8]!;
  let p0 = pi[0]!;
  let p1 = pi[1]!;
  let p2 = pi[2]!;
  let ll = 0;
  for (let t = 0, o = 0; t < T; t++, o += 3) {
    let f0 = p0 * em[o]!;
    let f1 = p1 * em[o + 1]!;
    let f2 = p2 * em[o + 2]!;
    const c = f0 + f1 + f2;
    let inv = 1;
    if (!(c >= RESCALE_BELOW && c <= RESCALE_ABOVE)) {
      if (!(c > 0)) return -Infinity;
      inv = 1 / c;
      f0 *= inv;
      f1 *= inv;
      f2 *= inv;
      ll += Math.log(c);
    }
    alpha[o] = f0;
    alpha[o + 1] = f1;
    alpha[o + 2] = f2;
    invScale[t] = inv;
    p0 = f0 * a00 + f1 * a10 + f2 * a20;
    p1 = f0 * a01 + f1 * a11 + f2 * a21;
    p2 = f0 * a02 + f1 * a12 + f2 * a22;
  }
  return ll + Math.log(alpha[3 * T - 3]! + alpha[3 * T - 2]! + alpha[3 * T - 1]!);
}

/** Backward pass: posteriors γ over `alpha`, Σ_t ξ_t into `xi` (see forward-backward.ts). */
export function backward3(
  A: Float64Array,
  em: Float64Array,
  alpha: Float64Array,
  invScale: Float64Array,
  xi: Float64Array,
  T: number,
): void {
  const a00 = A[0]!,
    a01 = A[1]!,
    a02 = A[2]!;
  const a10 = A[3]!,
    a11 = A[4]!,
    a12 = A[5]!;
  const a20 = A[6]!,
    a21 = A[7]!,
    a22 = A[8]!;
  let x00 = 0,
    x01 = 0,
    x02 = 0,
    x10 = 0,
    x11 = 0,
    x12 = 0,
    x20 = 0,
    x21 = 0,
    x22 = 0;
  const last = 3 * (T - 1);
  const total = alpha[last]! + alpha[last + 1]! + alpha[last + 2]!; // Σ_k α̂_{T−1}(k) = L / D
  let b0 = 1; // β̂_{T−1}
  let b1 = 1;
  let b2 = 1;
  for (let t = T - 2, o = 3 * t; t >= 0; t--, o -= 3) {
    const n = o + 3;
    const inv = invScale[t + 1]!;
    const u0 = em[n]! * b0 * inv;
    const u1 = em[n + 1]! * b1 * inv;
    const u2 = em[n + 2]! * b2 * inv;
    // γ_{t+1} = α̂_{t+1} β̂_{t+1}, renormalized against rounding; α̂_{t+1} is not needed again.
    const g0 = alpha[n]! * b0;
    const g1 = alpha[n + 1]! * b1;
    const g2 = alpha[n + 2]! * b2;
    const norm = 1 / (g0 + g1 + g2);
    alpha[n] = g0 * norm;
    alpha[n + 1] = g1 * norm;
    alpha[n + 2] = g2 * norm;
    const f0 = alpha[o]!;
    const f1 = alpha[o + 1]!;
    const f2 = alpha[o + 2]!;
    x00 += f0 * u0;
    x01 += f0 * u1;
    x02 += f0 * u2;
    x10 += f1 * u0;
    x11 += f1 * u1;
    x12 += f1 * u2;
    x20 += f2 * u0;
    x21 += f2 * u1;
    x22 += f2 * u2;
    b0 = a00 * u0 + a01 * u1 + a02 * u2;
    b1 = a10 * u0 + a11 * u1 + a12 * u2;
    b2 = a20 * u0 + a21 * u1 + a22 * u2;
  }
  const g0 = alpha[0]! * b0;
  const g1 = alpha[1]! * b1;
  const g2 = alpha[2]! * b2;
  const norm = 1 / (g0 + g1 + g2);
  alpha[0] = g0 * norm;
  alpha[1] = g1 * norm;
  alpha[2] = g2 * norm;
  const w = 1 / total;
  xi[0] = w * a00 * x00;
  xi[1] = w * a01 * x01;
  xi[2] = w * a02 * x02;
  xi[3] = w * a10 * x10;
  xi[4] = w * a11 * x11;
  xi[5] = w * a12 * x12;
  xi[6] = w * a20 * x20;
  xi[7] = w * a21 * x21;
  xi[8] = w * a22 * x22;
}
