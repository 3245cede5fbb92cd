import { describe, expect, it } from 'vitest';
import { createGaussianHmm, parameterCount, sortByVariance } from '../../../cells/regime/model';
import { toObservations } from '../../../cells/regime/observations';

describe('createGaussianHmm', () => {
  it('flattens nested parameters and counts free parameters for BIC', () => {
    const m = createGaussianHmm({
      initial: [0.5, 0.5],
      transition: [
        [0.9, 0.1],
        [0.2, 0.8],
      ],
      means: [
        [0, 1],
        [2, 3],
      ],
      covariances: [
        [
          [1, 0],
          [0, 1],
        ],
        [4, 1, 1, 4],
      ],
    });
    expect(m.covariance).toBe('full');
    expect(Array.from(m.covars)).toEqual([1, 0, 0, 1, 4, 1, 1, 4]);
    // K = 2, D = 2, full: 1 + 2 + 4 + 2·3 = 13
    expect(parameterCount(m)).toBe(13);
  });

  it('rejects rows that do not sum to one and non-positive variances', () => {
    const base = { initial: [1], transition: [[1]], means: [0], variances: [1] };
    expect(() => createGaussianHmm({ ...base, initial: [0.9] })).toThrow(/invalid initial/);
    expect(() => createGaussianHmm({ ...base, variances: [0] })).toThrow(/invalid variance/);
  });
});

describe('sortByVariance', () => {
  it('relabels states by ascending variance, permuting rows and columns of the transitions', () => {
    const m = sortByVariance(
      createGaussianHmm({
        initial: [0.7, 0.3],
        transition: [
          [0.6, 0.4],
          [0.1, 0.9],
        ],
        means: [5, -5],
        variances: [9, 1],
      }),
    );
    expect(Array.from(m.covars)).toEqual([1, 9]);
    expect(Array.from(m.means)).toEqual([-5, 5]);
    expect(Array.from(m.initial)).toEqual([0.3, 0.7]);
    expect(Array.from(m.transition)).toEqual([0.9, 0.1, 0.4, 0.6]);
  });
});

describe('toObservations', () => {
  it('reads arrays of columns and of rows into the same row-major layout', () => {
    const cols = toObservations([Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6)]);
    const rows = toObservations([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(cols).toEqual({ length: 3, dims: 2, data: Float64Array.of(1, 4, 2, 5, 3, 6) });
    expect(rows).toEqual(cols);
    expect(toObservations([[1, 2]], 'rows').dims).toBe(2);
  });
});
