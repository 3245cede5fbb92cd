import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../../cells/optimize';

describe('nelderMead', () => {
  it('minimises a shifted quadratic', () => {
    const { x, f } = nelderMead((p) => (p[0]! - 1) ** 2 + (p[1]! + 2) ** 2, [0, 0]);
    expect(x[0]).toBeCloseTo(1, 4);
    expect(x[1]).toBeCloseTo(-2, 4);
    expect(f).toBeLessThan(1e-8);
  });

  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const rosenbrock = (x: Float64Array): number =>
      100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const res = nelderMead(rosenbrock, [-1.2, 1], {
      maxIterations: 2000,
      tolX: 1e-10,
      tolF: 1e-20,
    });
    expect(res.x[0]).toBeCloseTo(1, 6);
    expect(res.x[1]).toBeCloseTo(1, 6);
    expect(res.f).toBeLessThan(1e-12);
  });

  it('treats NaN as +∞ and stays out of an infeasible region', () => {
    const f = (x: Float64Array): number => (x[0]! < 0 ? NaN : (x[0]! - 2) ** 2 + (x[1]! + 1) ** 2);
    const res = nelderMead(f, [0.5, 0.5]);
    expect(res.x[0]).toBeCloseTo(2, 5);
    expect(res.x[1]).toBeCloseTo(-1, 5);
  });
});
