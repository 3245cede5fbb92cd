/** Objective returning value and gradient at x (the gradient written into `gradient`). */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LineSearchResult {
  step: number;
  value: number;
  evaluations: number;
}

const c1 = 1e-4;
const c2 = 0.9;

/**
 * Strong-Wolfe line search (Nocedal and Wright 2006, algorithms 3.5 and 3.6) along `direction` from `x`.
 * Writes the accepted point into `xNew` and its gradient into `gNew`. Non-finite values count as
 * "too far", so objectives may return Infinity outside their domain.
 */
export function wolfeLineSearch(
  f: Objective,
  x: Float64Array,
  f0: number,
  slope0: number,
  direction: Float64Array,
  xNew: Float64Array,
  gNew: Float64Array,
  initialStep = 1,
  maxEvaluations = 30,
): LineSearchResult {
  let evaluations = 0;
  const evaluate = (step: number): [number, number] => {
    for (let i = 0; i < x.length; i++) xNew[i] = x[i]! + step * direction[i]!;
    evaluations++;
    const value = f(xNew, gNew);
    let slope = 0;
    for (let i = 0; i < x.length; i++) slope += gNew[i]! * direction[i]!;
    return Number.isFinite(value) ? [value, slope] : [Infinity, NaN];
  };
  const zoom = (
    lo: number,
    fLo: number,
    dLo: number,
    hi: number,
    fHi: number,
  ): LineSearchResult => {
    while (evaluations < maxEvaluations) {
      const step = interpolate(lo, fLo, dLo, hi, fHi);
      const [value, slope] = evaluate(step);
      if (value > f0 + c1 * step * slope0 || value >= fLo) {
        hi = step;
        fHi = value;
      } else {
        if (Math.abs(slope) <= -c2 * slope0) return { step, value, evaluations };
        if (slope * (hi - lo) >= 0) {
          hi = lo;
          fHi = fLo;
        }
        lo = step;
        fLo = value;
        dLo = slope;
      }
      if (Math.abs(hi - lo) < 1e-16 * Math.max(1, lo)) break;
    }
    const [value] = evaluate(lo);
    return { step: lo, value, evaluations };
  };

  let prevStep = 0;
  let prevValue = f0;
  let prevSlope = slope0;
  let step = initialStep;
  while (evaluations < maxEvaluations) {
    const [value, slope] = evaluate(step);
    if (value > f0 + c1 * step * slope0 || (evaluations > 1 && value >= prevValue)) {
      return zoom(prevStep, prevValue, prevSlope, step, value);
    }
    if (Math.abs(slope) <= -c2 * slope0) return { step, value, evaluations };
    if (slope >= 0) return zoom(step, value, slope, prevStep, prevValue);
    prevStep = step;
    prevValue = value;
    prevSlope = slope;
    step *= 2;
  }
  const [value] = evaluate(prevStep);
  return { step: prevStep, value, evaluations };
}

/** Minimiser of the quadratic through (lo, fLo) with slope dLo and (hi, fHi), kept inside the bracket. */
function interpolate(lo: number, fLo: number, dLo: number, hi: number, fHi: number): number {
  const d = hi - lo;
  const curvature = fHi - fLo - dLo * d;
  if (Number.isFinite(fHi) && curvature > 0) {
    const step = lo - (dLo * d * d) / (2 * curvature);
    const a = Math.min(lo, hi);
    const b = Math.max(lo, hi);
    const margin = 0.1 * (b - a);
    if (step > a + margin && step < b - margin) return step;
  }
  return lo + 0.5 * d;
}
