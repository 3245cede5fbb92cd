import { rank } from '../stats/rank';
import { toFloat64, type NumericLike } from '../stats/numeric';

function toLabels(labels: ArrayLike<number | boolean>, n: number): Uint8Array {
  if (labels.length !== n)
    throw new RangeError(`length mismatch: ${n} scores, ${labels.length} labels`);
  return Uint8Array.from(labels as ArrayLike<number>, (v) => (v ? 1 : 0));
}

/**
 * Area under the ROC curve by the Mann-Whitney U statistic, ties counted as one half:
 * AUC = (R₊ − n₊(n₊ + 1)/2) / (n₊ n₋), R₊ the sum of the positives' average ranks.
 * Labels are truthy for positives. NaN when either class is empty.
 *
 * @example
 * auc([0.9, 0.2, 0.6], [1, 0, 0]); // 1
 */
export function auc(scores: NumericLike, labels: ArrayLike<number | boolean>): number {
  const s = toFloat64(scores, 'scores');
  const y = toLabels(labels, s.length);
  for (let i = 0; i < s.length; i++)
    if (Number.isNaN(s[i]!)) throw new RangeError(`invalid score at ${i}: NaN`);
  const r = rank(s);
  let pos = 0;
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    if (y[i]) {
      pos++;
      sum += r[i]!;
    }
  }
  const neg = s.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (sum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * Share of positives among the k highest scores (ties broken by position, earlier first).
 *
 * @example
 * precisionAtK([0.9, 0.8, 0.1], [1, 0, 1], 2); // 0.5
 */
export function precisionAtK(
  scores: NumericLike,
  labels: ArrayLike<number | boolean>,
  k: number,
): number {
  const s = toFloat64(scores, 'scores');
  const y = toLabels(labels, s.length);
  if (!Number.isInteger(k) || k < 1 || k > s.length) throw new RangeError(`invalid k: ${k}`);
  const order = Array.from({ length: s.length }, (_, i) => i).sort(
    (a, b) => s[b]! - s[a]! || a - b,
  );
  let hits = 0;
  for (let i = 0; i < k; i++) hits += y[order[i]!]!;
  return hits / k;
}
