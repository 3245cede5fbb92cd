import { wolfeLineSearch, type Objective } from './line-search';

export interface MinimizeOptions {
  /** Stop when the gradient's max-norm falls below this (default 1e-8). */
  gradientTolerance?: number;
  /** Stop when the relative decrease of the value falls below this (default 1e-14). */
  valueTolerance?: number;
  /** Iteration cap (default 200). */
  maxIterations?: number;
  /**
   * Starting inverse Hessian (n × n, row-major), e.g. the `inverseHessian` of a previous run on a nearby problem;
   * default the identity, scaled after the first step.
   */
  inverseHessian?: Float64Array;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** The final inverse-Hessian approximation, to warm-start a run on a nearby problem. */
  inverseHessian: Float64Array;
}

/**
 * Quasi-Newton minimisation (BFGS with an inverse-Hessian update and a strong-Wolfe line search; Nocedal and
 * Wright 2006, algorithm 6.1). For smooth problems of a few to a few dozen parameters with an analytic
 * gradient. Constraints are the caller's job, by reparametrisation (see GARCH) or by returning Infinity.
 *
 * @example
 * const rosen = (x, g) => {
 *   g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2);
 *   g[1] = 200 * (x[1] - x[0] ** 2);
 *   return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
 * };
 * bfgs(rosen, Float64Array.of(-1.2, 1)).x; // → [1, 1]
 */
export function bfgs(
  f: Objective,
  x0: Float64Array,
  options: MinimizeOptions = {},
): MinimizeResult {
  const { gradientTolerance = 1e-8, valueTolerance = 1e-14, maxIterations = 200 } = options;
  const n = x0.length;
  if (n < 1) throw new RangeError('invalid x0: empty');
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let value = f(x, g);
  if (!Number.isFinite(value)) throw new RangeError('objective is not finite at x0');
  let evaluations = 1;
  const h = new Float64Array(n * n);
  if (options.inverseHessian) {
    if (options.inverseHessian.length !== n * n)
      throw new RangeError(`invalid inverseHessian length: ${options.inverseHessian.length}`);
    h.set(options.inverseHessian);
  } else resetIdentity(h, n);
  const direction = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const hy = new Float64Array(n);
  let converged = false;
  let iterations = 0;
  // A given inverse Hessian already has its scale.
  let firstStep = !options.inverseHessian;
  for (; iterations < maxIterations; iterations++) {
    if (maxAbs(g) < gradientTolerance) {
      converged = true;
      break;
    }
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < n; j++) d -= h[i * n + j]! * g[j]!;
      direction[i] = d;
      slope += d * g[i]!;
    }
    if (!(slope < 0)) {
      // Lost descent (rounding in H): restart from steepest descent.
      resetIdentity(h, n);
      for (let i = 0; i < n; i++) direction[i] = -g[i]!;
      slope = -dot(g, g);
    }
    const step0 = firstStep ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    const search = wolfeLineSearch(f, x, value, slope, direction, xNew, gNew, step0);
    evaluations += search.evaluations;
    if (!(search.value < value) || search.step === 0) {
      if (maxAbs(g) < Math.sqrt(gradientTolerance)) converged = true;
      break;
    }
    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
      sy += s[i]! * y[i]!;
    }
    const decrease = value - search.value;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    value = search.value;
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (firstStep) {
        // Shanno–Phua scaling of the initial inverse Hessian.
        const scale = sy / dot(y, y);
        for (let i = 0; i < n * n; i++) h[i]! *= scale;
        firstStep = false;
      }
      updateInverseHessian(h, n, s, y, sy, hy);
    }
    if (decrease <= valueTolerance * Math.max(1, Math.abs(value))) {
      converged = maxAbs(g) < Math.sqrt(gradientTolerance);
      iterations++;
      break;
    }
  }
  return { x, value, gradient: g, iterations, evaluations, converged, inverseHessian: h };
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, expanded so it costs O(n²). */
function updateInverseHessian(
  h: Float64Array,
  n: number,
  s: Float64Array,
  y: Float64Array,
  sy: number,
  hy: Float64Array,
): void {
  const rho = 1 / sy;
  let yhy = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v += h[i * n + j]! * y[j]!;
    hy[i] = v;
    yhy += y[i]! * v;
  }
  const k = (1 + rho * yhy) * rho;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      h[i * n + j]! += k * s[i]! * s[j]! - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!);
    }
  }
}

function resetIdentity(h: Float64Array, n: number): void {
  h.fill(0);
  for (let i = 0; i < n; i++) h[i * n + i] = 1;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}
