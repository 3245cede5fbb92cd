const EULER_GAMMA = 0.5772156649;

/** Harmonic number approximation H(i) ≈ ln i + γ (Liu, Ting and Zhou 2008). */
export function harmonic(i: number): number {
  return Math.log(i) + EULER_GAMMA;
}

/**
 * Average path length of an unsuccessful search in a binary search tree of n points,
 * c(n) = 2H(n − 1) − 2(n − 1)/n, with c(2) = 1 and c(n ≤ 1) = 0 (Liu, Ting and Zhou 2008, eq. 1).
 *
 * @example
 * averagePathLength(256); // 10.2448
 */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * harmonic(n - 1) - (2 * (n - 1)) / n;
}
