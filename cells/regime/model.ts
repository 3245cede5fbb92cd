/** How each state's covariance is parameterized. */
export type CovarianceType = 'diagonal' | 'full';

/**
 * A Gaussian HMM in flat typed arrays: K states, D dimensions. `covars` is K×D variances
 * (diagonal) or K×D×D covariance matrices (full), row-major.
 */
export interface GaussianHmm {
  readonly states: number;
  readonly dims: number;
  readonly covariance: CovarianceType;
  readonly initial: Float64Array;
  readonly transition: Float64Array;
  readonly means: Float64Array;
  readonly covars: Float64Array;
}

type Nested = ArrayLike<number | ArrayLike<number>>;

export interface GaussianHmmSpec {
  initial: ArrayLike<number>;
  transition: ArrayLike<ArrayLike<number>>;
  /** Per state: a number (univariate) or a vector of D means. */
  means: Nested;
  /** Per state: a number (univariate) or a vector of D variances. */
  variances?: Nested;
  /** Per state: a D×D matrix, nested or flat row-major. */
  covariances?: ArrayLike<ArrayLike<number> | ArrayLike<ArrayLike<number>>>;
}

/**
 * Builds a model from nested arrays, validating that probabilities sum to one.
 *
 * @example
 * createGaussianHmm({ initial: [0.5, 0.5], transition: [[0.95, 0.05], [0.1, 0.9]],
 *   means: [0, 0], variances: [1e-4, 9e-4] });
 */
export function createGaussianHmm(spec: GaussianHmmSpec): GaussianHmm {
  const K = spec.initial.length;
  if (K < 1) throw new RangeError(`invalid states: ${K}`);
  const initial = Float64Array.from(spec.initial);
  checkDistribution(initial, 'initial');
  if (spec.transition.length !== K) throw new RangeError('invalid transition: expected K rows');
  const transition = new Float64Array(K * K);
  for (let i = 0; i < K; i++) {
    const row = Float64Array.from(spec.transition[i]!);
    if (row.length !== K) throw new RangeError(`invalid transition row ${i}`);
    checkDistribution(row, `transition row ${i}`);
    transition.set(row, i * K);
  }
  const means = flatten(spec.means, K, 'means');
  const D = means.length / K;
  const full = spec.covariances !== undefined;
  const covars = full
    ? flatten(spec.covariances as Nested, K, 'covariances', true)
    : flatten(spec.variances ?? [], K, 'variances');
  if (covars.length !== K * (full ? D * D : D)) throw new RangeError('invalid covariance shape');
  for (let k = 0; k < K; k++) {
    for (let d = 0; d < D; d++) {
      const v = full ? covars[k * D * D + d * D + d]! : covars[k * D + d]!;
      if (!(v > 0)) throw new RangeError(`invalid variance of state ${k}: ${v}`);
    }
  }
  return {
    states: K,
    dims: D,
    covariance: full ? 'full' : 'diagonal',
    initial,
    transition,
    means,
    covars,
  };
}

function checkDistribution(p: Float64Array, name: string): void {
  let s = 0;
  for (const v of p) {
    if (!(v >= 0)) throw new RangeError(`invalid ${name}: ${v}`);
    s += v;
  }
  if (Math.abs(s - 1) > 1e-6) throw new RangeError(`invalid ${name}: sums to ${s}`);
}

function flatten(x: Nested, K: number, name: string, deep = false): Float64Array {
  if (x.length !== K) throw new RangeError(`invalid ${name}: expected ${K} states`);
  const out: number[] = [];
  for (let k = 0; k < K; k++) {
    const v = x[k]!;
    if (typeof v === 'number') out.push(v);
    else
      for (let i = 0; i < v.length; i++) {
        const w = (v as ArrayLike<unknown>)[i];
        if (deep && typeof w === 'object' && w !== null)
          out.push(...Array.from(w as ArrayLike<number>));
        else out.push(w as number);
      }
  }
  return Float64Array.from(out);
}

/** Number of free parameters, for BIC and AIC. */
export function parameterCount(m: GaussianHmm): number {
  const K = m.states;
  const D = m.dims;
  const cov = m.covariance === 'full' ? (D * (D + 1)) / 2 : D;
  return K - 1 + K * (K - 1) + K * D + K * cov;
}

/** Total variance (trace of the covariance) of state k. */
export function stateVariance(m: GaussianHmm, k: number): number {
  const D = m.dims;
  let s = 0;
  for (let d = 0; d < D; d++)
    s += m.covariance === 'full' ? m.covars[k * D * D + d * D + d]! : m.covars[k * D + d]!;
  return s;
}

/** The model with its states relabelled: new state i is old state order[i]. */
export function permuteStates(m: GaussianHmm, order: readonly number[]): GaussianHmm {
  const K = m.states;
  const D = m.dims;
  const c = m.covariance === 'full' ? D * D : D;
  const initial = new Float64Array(K);
  const transition = new Float64Array(K * K);
  const means = new Float64Array(K * D);
  const covars = new Float64Array(K * c);
  for (let i = 0; i < K; i++) {
    const oi = order[i]!;
    initial[i] = m.initial[oi]!;
    for (let j = 0; j < K; j++) transition[i * K + j] = m.transition[oi * K + order[j]!]!;
    means.set(m.means.subarray(oi * D, oi * D + D), i * D);
    covars.set(m.covars.subarray(oi * c, oi * c + c), i * c);
  }
  return { ...m, initial, transition, means, covars };
}

/** Relabels states by ascending total variance: state 0 is the calmest. */
export function sortByVariance(m: GaussianHmm): GaussianHmm {
  const order = Array.from({ length: m.states }, (_, k) => k);
  order.sort((a, b) => stateVariance(m, a) - stateVariance(m, b));
  return permuteStates(m, order);
}
