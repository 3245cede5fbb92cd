export interface NelderMeadOptions {
  /** Initial simplex edge, per coordinate or one for all (default 5% of |x0ᵢ|, or 0.00025 at zero, as scipy). */
  step?: number | Float64Array;
  /** Stop when the simplex's value spread is below this (default 1e-10). */
  valueTolerance?: number;
  /** Stop when the simplex's max coordinate spread is below this (default 1e-10). */
  xTolerance?: number;
  /** Evaluation cap (default 200 × dimension). */
  maxEvaluations?: number;
}

export interface NelderMeadResult {
  x: Float64Array;
  value: number;
  evaluations: number;
  converged: boolean;
}

/**
 * Derivative-free simplex minimisation (Nelder and Mead 1965, the standard coefficients 1, 2, ½, ½).
 * Non-finite values are treated as +Infinity, so domain constraints can be expressed in `f`.
 *
 * @example
 * nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, Float64Array.of(0, 0)).x; // ≈ [1, -2]
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: Float64Array,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = x0.length;
  if (n < 1) throw new RangeError('invalid x0: empty');
  const { valueTolerance = 1e-10, xTolerance = 1e-10, maxEvaluations = 200 * n } = options;
  let evaluations = 0;
  const evaluate = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const points: Float64Array[] = [Float64Array.from(x0)];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(x0);
    const step =
      options.step === undefined
        ? undefined
        : typeof options.step === 'number'
          ? options.step
          : options.step[i];
    p[i] = step !== undefined ? p[i]! + step : p[i] !== 0 ? p[i]! * 1.05 : 0.00025;
    points.push(p);
  }
  const values = points.map(evaluate);
  const centroid = new Float64Array(n);
  const trial = (t: number): Float64Array => {
    const worst = points[n]!;
    const p = new Float64Array(n);
    for (let i = 0; i < n; i++) p[i] = centroid[i]! + t * (worst[i]! - centroid[i]!);
    return p;
  };
  let converged = false;
  while (evaluations < maxEvaluations) {
    const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    const sortedPoints = order.map((i) => points[i]!);
    const sortedValues = order.map((i) => values[i]!);
    for (let i = 0; i <= n; i++) {
      points[i] = sortedPoints[i]!;
      values[i] = sortedValues[i]!;
    }
    let spread = 0;
    for (let i = 1; i <= n; i++) {
      for (let j = 0; j < n; j++)
        spread = Math.max(spread, Math.abs(points[i]![j]! - points[0]![j]!));
    }
    if (Math.abs(values[n]! - values[0]!) <= valueTolerance && spread <= xTolerance) {
      converged = true;
      break;
    }
    centroid.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += points[i]![j]! / n;
    const reflected = trial(-1);
    const fr = evaluate(reflected);
    if (fr < values[0]!) {
      const expanded = trial(-2);
      const fe = evaluate(expanded);
      if (fe < fr) replaceWorst(expanded, fe);
      else replaceWorst(reflected, fr);
    } else if (fr < values[n - 1]!) {
      replaceWorst(reflected, fr);
    } else {
      const outside = fr < values[n]!;
      const contracted = trial(outside ? -0.5 : 0.5);
      const fc = evaluate(contracted);
      if (fc < (outside ? fr : values[n]!)) {
        replaceWorst(contracted, fc);
      } else {
        for (let i = 1; i <= n; i++) {
          for (let j = 0; j < n; j++)
            points[i]![j] = points[0]![j]! + 0.5 * (points[i]![j]! - points[0]![j]!);
          values[i] = evaluate(points[i]!);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (values[i]! < values[best]!) best = i;
  return { x: points[best]!, value: values[best]!, evaluations, converged };

  function replaceWorst(p: Float64Array, v: number): void {
    points[n] = p;
    values[n] = v;
  }
}
