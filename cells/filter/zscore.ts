/** The z-score of a metric against its trailing distribution, for `zscore:<metric>` rules. */

/**
 * A trailing mean and standard deviation over the last `n` values, O(1) per push: the z-score's distribution.
 *
 * @example
 * const z = createZScore(3);
 * for (const v of [1, 2, 3]) z.push(v);
 * z.score(5); // → 3
 */
export function createZScore(n: number): {
  push(v: number): void;
  score(v: number): number;
  readonly count: number;
} {
  const ring = new Float64Array(n);
  let count = 0;
  let sum = 0;
  let sumSq = 0;
  return {
    push(v) {
      if (!Number.isFinite(v)) return;
      const k = count % n;
      if (count >= n) {
        sum -= ring[k]!;
        sumSq -= ring[k]! * ring[k]!;
      }
      ring[k] = v;
      sum += v;
      sumSq += v * v;
      count++;
      if (count % (n * 64) === 0) {
        sum = 0;
        sumSq = 0;
        for (const x of ring) {
          sum += x;
          sumSq += x * x;
        }
      }
    },
    score(v) {
      const m = Math.min(count, n);
      if (m < 3) return NaN;
      const mean = sum / m;
      const variance = Math.max((sumSq - m * mean * mean) / (m - 1), 0);
      return variance > 0 ? (v - mean) / Math.sqrt(variance) : NaN;
    },
    get count() {
      return count;
    },
  };
}
