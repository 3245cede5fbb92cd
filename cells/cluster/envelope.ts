import { bandWidth, type DtwCost } from './dtw';

export interface Envelope {
  upper: Float64Array;
  lower: Float64Array;
}

/**
 * Upper and lower envelope of `x` over windows [i − w, i + w], in O(n) with Lemire's (2006) streaming
 * min/max (monotone deques). `window` is read as in `dtw` (a count, or a fraction of the length).
 *
 * @example
 * envelope([1, 3, 2, 0], 1); // upper [3, 3, 3, 2], lower [1, 1, 0, 0]
 */
export function envelope(x: ArrayLike<number>, window: number): Envelope {
  const n = x.length;
  if (n === 0) throw new RangeError('invalid series: empty');
  const w = bandWidth(n, n, window);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const maxQ = new Int32Array(n);
  const minQ = new Int32Array(n);
  let maxHead = 0;
  let maxTail = 0;
  let minHead = 0;
  let minTail = 0;
  for (let j = 0; j < n + w; j++) {
    if (j < n) {
      const v = x[j]!;
      while (maxTail > maxHead && x[maxQ[maxTail - 1]!]! <= v) maxTail--;
      maxQ[maxTail++] = j;
      while (minTail > minHead && x[minQ[minTail - 1]!]! >= v) minTail--;
      minQ[minTail++] = j;
    }
    const k = j - w;
    if (k < 0) continue;
    while (maxQ[maxHead]! < k - w) maxHead++;
    while (minQ[minHead]! < k - w) minHead++;
    upper[k] = x[maxQ[maxHead]!]!;
    lower[k] = x[minQ[minHead]!]!;
  }
  return { upper, lower };
}

/**
 * LB_Keogh (Keogh and Ratanamahatana 2005): the part of `query` outside the candidate's envelope. With the
 * envelope built on the same window and the same cost, LB_Keogh(q, env(c)) ≤ dtw(q, c), so a candidate
 * whose bound already exceeds the best distance so far can be skipped. Equal lengths only.
 *
 * @example
 * const query = [0, 1, 2, 1, 0];
 * const candidate = [0, 2, 2, 1, 0];
 * let best = Infinity;
 * const env = envelope(candidate, 0.1);
 * if (lbKeogh(query, env) < best)
 *   best = Math.min(best, vol.cluster.dtw(query, candidate, { window: 0.1, cutoff: best }));
 */
export function lbKeogh(
  query: ArrayLike<number>,
  candidateEnvelope: Envelope,
  cost: DtwCost = 'squared',
): number {
  const { upper, lower } = candidateEnvelope;
  const n = query.length;
  if (upper.length !== n || lower.length !== n)
    throw new RangeError(`length mismatch: ${n} and ${upper.length}`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const q = query[i]!;
    const d = q > upper[i]! ? q - upper[i]! : q < lower[i]! ? lower[i]! - q : 0;
    sum += cost === 'squared' ? d * d : d;
  }
  return cost === 'squared' ? Math.sqrt(sum) : sum;
}
