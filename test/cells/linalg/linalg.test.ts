import { describe, expect, it } from 'vitest';
import { cholesky, choleskySolve, inverse, lstsq, solve } from '../../../cells/linalg';
import { createRng } from '../../../cells/random';

describe('lstsq', () => {
  it('fits a line through three points exactly', () => {
    const { coefficients, rss } = lstsq(
      Float64Array.of(1, 0, 1, 1, 1, 2),
      3,
      2,
      Float64Array.of(1, 3, 5),
    );
    expect(coefficients[0]).toBeCloseTo(1, 12);
    expect(coefficients[1]).toBeCloseTo(2, 12);
    expect(rss).toBeCloseTo(0, 20);
  });

  it('matches the normal equations solved by Cholesky on a random design', () => {
    const rng = createRng(3);
    const n = 50;
    const p = 4;
    const x = Float64Array.from({ length: n * p }, (_, i) => (i % p === 0 ? 1 : rng.normal()));
    const y = Float64Array.from({ length: n }, () => rng.normal());
    const xtx = new Float64Array(p * p);
    const xty = new Float64Array(p);
    for (let r = 0; r < n; r++) {
      for (let i = 0; i < p; i++) {
        xty[i]! += x[r * p + i]! * y[r]!;
        for (let j = 0; j < p; j++) xtx[i * p + j]! += x[r * p + i]! * x[r * p + j]!;
      }
    }
    const viaNormal = choleskySolve(xtx, xty);
    const { coefficients, residuals } = lstsq(x, n, p, y);
    for (let i = 0; i < p; i++) expect(coefficients[i]).toBeCloseTo(viaNormal[i]!, 12);
    // Residuals are orthogonal to every column.
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let r = 0; r < n; r++) s += residuals[r]! * x[r * p + j]!;
      expect(Math.abs(s)).toBeLessThan(1e-10);
    }
  });

  it('fits designs whose entries are far beyond the square root of the largest or smallest double', () => {
    // y = 2 + 3x with x ~ 1e200 (squares overflow) and, scaled down, ~1e-200 (squares underflow): the
    // exact fit must come back at both scales, as it does at x ~ 1.
    for (const s of [1, 1e200, 1e-200]) {
      const xs = [1, 2, 4, 7].map((v) => v * s);
      const design = Float64Array.from(xs.flatMap((v) => [s, v]));
      const { coefficients } = lstsq(
        design,
        4,
        2,
        Float64Array.from(xs, (v) => 2 * s + 3 * v),
      );
      expect(coefficients[0]).toBeCloseTo(2, 12);
      expect(coefficients[1]).toBeCloseTo(3, 12);
    }
  });

  it('rejects a rank-deficient design', () => {
    expect(() => lstsq(Float64Array.of(1, 2, 2, 4, 3, 6), 3, 2, Float64Array.of(1, 2, 3))).toThrow(
      /rank/,
    );
  });
});

describe('solve, inverse, cholesky', () => {
  it('solves a 2 × 2 system by hand', () => {
    const x = solve(Float64Array.of(2, 1, 1, 3), Float64Array.of(3, 5));
    expect(x[0]).toBeCloseTo(0.8, 14);
    expect(x[1]).toBeCloseTo(1.4, 14);
  });

  it('needs pivoting for a zero leading entry', () => {
    const x = solve(Float64Array.of(0, 1, 1, 0), Float64Array.of(2, 3));
    expect(Array.from(x)).toEqual([3, 2]);
  });

  it('inverts a 2 × 2 matrix by the closed form', () => {
    const inv = inverse(Float64Array.of(4, 7, 2, 6));
    [0.6, -0.7, -0.2, 0.4].forEach((v, i) => expect(inv[i]).toBeCloseTo(v, 14));
  });

  it('factors an SPD matrix so that L Lᵀ = A', () => {
    const l = cholesky(Float64Array.of(4, 2, 2, 3));
    expect(Array.from(l).map((v) => +v.toFixed(12))).toEqual([2, 0, 1, +Math.SQRT2.toFixed(12)]);
    expect(() => cholesky(Float64Array.of(1, 2, 2, 1))).toThrow(/positive definite/);
  });

  it('throws on a singular matrix', () => {
    expect(() => solve(Float64Array.of(1, 2, 2, 4), Float64Array.of(1, 1))).toThrow(/singular/);
  });
});
