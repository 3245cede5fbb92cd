import { describe, expect, it } from 'vitest';
import { rankEnsemble, rankNormalize } from '../../../cells/anomaly/ensemble';
import { auc, precisionAtK } from '../../../cells/anomaly/metrics';

describe('auc', () => {
  it('matches sklearn roc_auc_score on its documented example', () => {
    // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75 (its docstring).
    // By hand: positive/negative pairs (0.35, 0.1) ✓, (0.35, 0.4) ✗, (0.8, 0.1) ✓, (0.8, 0.4) ✓ → 3/4.
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('counts ties as one half (Mann-Whitney)', () => {
    // positives 0.35, 0.8, 0.4; negatives 0.1, 0.4: pairs won 1 + 0 + 1 + 1 + 1 + ½ = 4.5 of 6
    expect(auc([0.1, 0.4, 0.35, 0.8, 0.4], [0, 0, 1, 1, 1])).toBe(0.75);
    expect(auc([1, 1, 1, 1], [true, false, true, false])).toBe(0.5);
    expect(Number.isNaN(auc([1, 2], [1, 1]))).toBe(true);
  });
});

describe('precisionAtK', () => {
  it('takes the share of positives among the k highest scores', () => {
    expect(precisionAtK([0.9, 0.8, 0.1, 0.7], [1, 0, 1, 1], 2)).toBe(0.5);
    expect(precisionAtK([0.9, 0.8, 0.1, 0.7], [1, 0, 1, 1], 3)).toBeCloseTo(2 / 3, 15);
    expect(() => precisionAtK([1], [1], 2)).toThrow(/invalid k/);
  });
});

describe('rank normalization and ensemble', () => {
  it('maps scores to (rank − 1)/(n − 1) with tied ranks averaged', () => {
    expect(Array.from(rankNormalize([10, 30, 20]))).toEqual([0, 1, 0.5]);
    expect(Array.from(rankNormalize([5, 5, 1]))).toEqual([0.75, 0.75, 0]);
  });

  it('averages rank-normalized scores of detectors on different scales', () => {
    // ranks A: [0, 0.5, 1]; B: [1, 0, 0.5]; weights 3:1 → [0.25, 0.375, 0.875]
    const e = rankEnsemble(
      [
        [1, 2, 3],
        [900, 100, 500],
      ],
      { weights: [3, 1] },
    );
    expect(Array.from(e)).toEqual([0.25, 0.375, 0.875]);
    expect(() => rankEnsemble([[1, 2], [1]])).toThrow(/length mismatch/);
  });
});
