import { describe, expect, it } from 'vitest';
import { bfgs, type Objective } from '../../../cells/optimize';

const rosenbrock: Objective = (x, g) => {
  const [a, b] = [x[0]!, x[1]!];
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

describe('bfgs', () => {
  it('finds the Rosenbrock minimum at (1, 1) from (−1.2, 1)', () => {
    const result = bfgs(rosenbrock, Float64Array.of(-1.2, 1));
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.iterations).toBeLessThan(60);
  });

  it('solves a convex quadratic ½xᵀAx − bᵀx, i.e. A x = b', () => {
    // A = [[3, 1, 0], [1, 4, 1], [0, 1, 5]], b = [1, 2, 3]; by Cramer's rule det A = 52, x = [12, 16, 28] / 52.
    const a = [3, 1, 0, 1, 4, 1, 0, 1, 5];
    const b = [1, 2, 3];
    const f: Objective = (x, g) => {
      let v = 0;
      for (let i = 0; i < 3; i++) {
        let ax = 0;
        for (let j = 0; j < 3; j++) ax += a[i * 3 + j]! * x[j]!;
        g[i] = ax - b[i]!;
        v += 0.5 * x[i]! * ax - b[i]! * x[i]!;
      }
      return v;
    };
    const { x } = bfgs(f, new Float64Array(3));
    const expected = [12 / 52, 16 / 52, 28 / 52];
    for (let i = 0; i < 3; i++) expect(x[i]).toBeCloseTo(expected[i]!, 8);
  });

  it('takes one Newton step on a quadratic when started from its exact inverse Hessian', () => {
    // f = ½xᵀAx − bᵀx with A = [[2, 1], [1, 3]] (A⁻¹ = [[3, −1], [−1, 2]] / 5), b = [1, 1]: x* = A⁻¹b = [0.4, 0.2].
    const f: Objective = (x, g) => {
      g[0] = 2 * x[0]! + x[1]! - 1;
      g[1] = x[0]! + 3 * x[1]! - 1;
      return x[0]! ** 2 + 0.5 * x[0]! * x[1]! * 2 + 1.5 * x[1]! ** 2 - x[0]! - x[1]!;
    };
    const inverseHessian = Float64Array.of(0.6, -0.2, -0.2, 0.4);
    const warm = bfgs(f, Float64Array.of(5, -7), { inverseHessian });
    expect(warm.x[0]).toBeCloseTo(0.4, 12);
    expect(warm.x[1]).toBeCloseTo(0.2, 12);
    expect(warm.iterations).toBe(1);
    expect(bfgs(f, Float64Array.of(5, -7)).iterations).toBeGreaterThan(1);
    expect(() => bfgs(f, Float64Array.of(0, 0), { inverseHessian: new Float64Array(3) })).toThrow(
      /inverseHessian/,
    );
  });

  it('treats Infinity as outside the domain and stays inside', () => {
    // min of x − log x on x > 0 is at x = 1.
    const f: Objective = (x, g) => {
      if (!(x[0]! > 0)) return Infinity;
      g[0] = 1 - 1 / x[0]!;
      return x[0]! - Math.log(x[0]!);
    };
    expect(bfgs(f, Float64Array.of(8)).x[0]).toBeCloseTo(1, 7);
  });
});
