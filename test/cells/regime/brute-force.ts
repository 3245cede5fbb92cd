/**
 * Reference computations by enumerating every state path (K^T of them), with Gaussian densities
 * written out directly: independent of the library's forward-backward, Viterbi and Cholesky.
 */
export interface TinyHmm {
  initial: number[];
  transition: number[][];
  /** density(k, t): emission density of observation t in state k. */
  density: (k: number, t: number) => number;
}

export function normalPdf(x: number, mean: number, variance: number): number {
  return Math.exp(-((x - mean) ** 2) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
}

/** Bivariate normal density from the explicit 2×2 inverse and determinant. */
export function normal2Pdf(x: number[], mean: number[], cov: number[][]): number {
  const [[a, b], [c, d]] = cov as [[number, number], [number, number]];
  const det = a * d - b * c;
  const u = x[0]! - mean[0]!;
  const v = x[1]! - mean[1]!;
  const q = (d * u * u - (b + c) * u * v + a * v * v) / det;
  return Math.exp(-q / 2) / (2 * Math.PI * Math.sqrt(det));
}

export function enumerate(hmm: TinyHmm, T: number) {
  const K = hmm.initial.length;
  const marginal = Array.from({ length: T }, () => new Array<number>(K).fill(0));
  const pairs = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  let total = 0;
  let bestPath: number[] = [];
  let bestP = -1;
  const path = new Array<number>(T).fill(0);
  for (let code = 0; code < K ** T; code++) {
    let c = code;
    for (let t = 0; t < T; t++) {
      path[t] = c % K;
      c = Math.floor(c / K);
    }
    let p = hmm.initial[path[0]!]! * hmm.density(path[0]!, 0);
    for (let t = 1; t < T; t++) {
      p *= hmm.transition[path[t - 1]!]![path[t]!]! * hmm.density(path[t]!, t);
    }
    total += p;
    for (let t = 0; t < T; t++) marginal[t]![path[t]!]! += p;
    for (let t = 1; t < T; t++) pairs[path[t - 1]!]![path[t]!]! += p;
    if (p > bestP) {
      bestP = p;
      bestPath = [...path];
    }
  }
  return {
    logLikelihood: Math.log(total),
    posteriors: marginal.map((row) => row.map((p) => p / total)),
    /** Expected transition counts Σ_t P(s_t = i, s_{t+1} = j | x). */
    transitions: pairs.map((row) => row.map((p) => p / total)),
    viterbi: bestPath,
    viterbiLogProbability: Math.log(bestP),
  };
}
