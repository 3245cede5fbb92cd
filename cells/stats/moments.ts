/** Arithmetic mean; NaN for an empty array. */
export function mean(x: ArrayLike<number>): number {
  const n = x.length;
  if (n === 0) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]!;
  return s / n;
}

/**
 * Variance with `ddof` degrees of freedom removed (1: sample variance, as numpy's `ddof=1`).
 * Two-pass, so it stays accurate when the mean is large next to the spread.
 *
 * @example
 * variance([1, 2, 3, 4]); // 1.6667
 */
export function variance(x: ArrayLike<number>, ddof = 1): number {
  const n = x.length;
  if (n - ddof <= 0) return NaN;
  const m = mean(x);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - m;
    ss += d * d;
  }
  return ss / (n - ddof);
}

/** Sample standard deviation (`ddof = 1` by default). */
export function std(x: ArrayLike<number>, ddof = 1): number {
  return Math.sqrt(variance(x, ddof));
}

/** State of a Welford accumulator: count, mean and sum of squared deviations. */
export interface WelfordState {
  n: number;
  mean: number;
  m2: number;
}

/**
 * Welford's streaming mean and variance with removal, in Arquero's `{init, add, rem, value}` manner
 * (Welford 1962; the removal step is its exact inverse).
 *
 * @example
 * const s = welford.init();
 * welford.add(s, 1); welford.add(s, 3); welford.value(s); // 2 (sample variance)
 */
export const welford = {
  init(): WelfordState {
    return { n: 0, mean: 0, m2: 0 };
  },
  add(s: WelfordState, x: number): void {
    s.n += 1;
    const d = x - s.mean;
    s.mean += d / s.n;
    s.m2 += d * (x - s.mean);
  },
  rem(s: WelfordState, x: number): void {
    if (s.n <= 1) {
      s.n = 0;
      s.mean = 0;
      s.m2 = 0;
      return;
    }
    s.n -= 1;
    const d = x - s.mean;
    s.mean -= d / s.n;
    s.m2 -= d * (x - s.mean);
    if (s.m2 < 0) s.m2 = 0;
  },
  /** Sample variance (n − 1); NaN below two values. */
  value(s: WelfordState): number {
    return s.n > 1 ? s.m2 / (s.n - 1) : NaN;
  },
} as const;
