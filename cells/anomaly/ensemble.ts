import { toFloat64, type NumericLike } from '../stats/numeric';
import { rank } from '../stats/rank';

/**
 * Scores mapped to [0, 1] by rank: (rank − 1) / (n − 1), ties at their average rank, so
 * detectors on different scales can be combined. NaN stays NaN.
 *
 * @example
 * rankNormalize([10, 30, 20]); // [0, 1, 0.5]
 */
export function rankNormalize(scores: NumericLike): Float64Array {
  const r = rank(toFloat64(scores, 'scores'));
  let n = 0;
  for (const v of r) if (!Number.isNaN(v)) n++;
  return r.map((v) => (n > 1 ? (v - 1) / (n - 1) : 0.5));
}

/**
 * Ensemble of anomaly detectors: the (weighted) mean of their rank-normalized scores.
 *
 * @example
 * const forestScores = Float64Array.of(0.4, 0.9, 0.5);
 * const absZ = Float64Array.of(0.2, 3.1, 1.0);
 * rankEnsemble([forestScores, absZ]); // item 1 ranks highest in both
 */
export function rankEnsemble(
  scoreSets: readonly NumericLike[],
  { weights }: { weights?: readonly number[] } = {},
): Float64Array {
  if (scoreSets.length === 0) throw new RangeError('invalid scoreSets: empty');
  const w = weights ?? scoreSets.map(() => 1);
  if (w.length !== scoreSets.length || w.some((v) => !(v >= 0)))
    throw new RangeError('invalid weights');
  const total = w.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new RangeError('invalid weights: sum to 0');
  const n = scoreSets[0]!.length;
  const out = new Float64Array(n);
  scoreSets.forEach((set, j) => {
    if (set.length !== n) throw new RangeError(`length mismatch: score set ${j}`);
    const r = rankNormalize(set);
    for (let i = 0; i < n; i++) out[i]! += (w[j]! * r[i]!) / total;
  });
  return out;
}
