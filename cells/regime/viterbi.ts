/**
 * Most likely state path by Viterbi in log space, from log-densities `logB` (T×K).
 * Returns the path and its joint log-probability log P(path, x).
 */
export function viterbiPath(
  pi: Float64Array,
  A: Float64Array,
  logB: Float64Array,
  T: number,
  K: number,
): { path: Int32Array; logProbability: number } {
  const logA = A.map(Math.log);
  const back = new Int32Array(T * K);
  let delta = new Float64Array(K);
  let next = new Float64Array(K);
  for (let k = 0; k < K; k++) delta[k] = Math.log(pi[k]!) + logB[k]!;
  for (let t = 1; t < T; t++) {
    const o = t * K;
    for (let j = 0; j < K; j++) {
      let best = -Infinity;
      let arg = 0;
      for (let i = 0; i < K; i++) {
        const v = delta[i]! + logA[i * K + j]!;
        if (v > best) {
          best = v;
          arg = i;
        }
      }
      next[j] = best + logB[o + j]!;
      back[o + j] = arg;
    }
    const swap = delta;
    delta = next;
    next = swap;
  }
  let last = 0;
  for (let k = 1; k < K; k++) if (delta[k]! > delta[last]!) last = k;
  const path = new Int32Array(T);
  path[T - 1] = last;
  for (let t = T - 1; t > 0; t--) path[t - 1] = back[t * K + path[t]!]!;
  return { path, logProbability: delta[last]! };
}
