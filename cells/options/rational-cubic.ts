/**
 * Shape-preserving rational cubic interpolation (R. Delbourgo and J. A. Gregory, "Shape preserving piecewise
 * rational interpolation", SIAM J. Sci. Stat. Comput. 6 (1985) 967–976), as used by Jäckel's "Let's Be Rational"
 * for its initial guesses. Ported from the LetsBeRational reference code (rationalcubic.cpp,
 * © 2013-2014 Peter Jäckel, freely granted with this notice; mirrored in vollib/py_lets_be_rational).
 */
const DBL_EPSILON = 2.220446049250313e-16;
const DBL_MIN = 2.2250738585072014e-308;
const DBL_MAX = Number.MAX_VALUE;
const MIN_R = -(1 - Math.sqrt(DBL_EPSILON));
const MAX_R = 2 / (DBL_EPSILON * DBL_EPSILON);

const isZero = (x: number): boolean => Math.abs(x) < DBL_MIN;

/** The rational cubic on [xl, xr] with values yl, yr, slopes dl, dr and control parameter r (r → ∞: linear). */
export function rationalCubicInterpolation(
  x: number,
  xl: number,
  xr: number,
  yl: number,
  yr: number,
  dl: number,
  dr: number,
  r: number,
): number {
  const h = xr - xl;
  if (Math.abs(h) <= 0) return 0.5 * (yl + yr);
  const t = (x - xl) / h;
  if (!(r >= MAX_R)) {
    const omt = 1 - t;
    const t2 = t * t;
    const omt2 = omt * omt;
    // Formula (2.4) divided by formula (2.5).
    return (
      (yr * t2 * t +
        (r * yr - h * dr) * t2 * omt +
        (r * yl + h * dl) * t * omt2 +
        yl * omt2 * omt) /
      (1 + (r - 3) * t * omt)
    );
  }
  return yr * t + yl * (1 - t);
}

function minimumControlParameter(dl: number, dr: number, s: number, preferShape: boolean): number {
  const monotonic = dl * s >= 0 && dr * s >= 0;
  const convex = dl <= s && s <= dr;
  const concave = dl >= s && s >= dr;
  if (!monotonic && !convex && !concave) return MIN_R;
  const drMinusDl = dr - dl;
  const drMinusS = dr - s;
  const sMinusDl = s - dl;
  let r1 = -DBL_MAX;
  let r2 = r1;
  if (monotonic) {
    if (!isZero(s))
      r1 = (dr + dl) / s; // (3.8)
    else if (preferShape) r1 = MAX_R;
  }
  if (convex || concave) {
    if (!(isZero(sMinusDl) || isZero(drMinusS))) {
      r2 = Math.max(Math.abs(drMinusDl / drMinusS), Math.abs(drMinusDl / sMinusDl)); // (3.18)
    } else if (preferShape) r2 = MAX_R;
  } else if (monotonic && preferShape) r2 = MAX_R;
  return Math.max(MIN_R, Math.max(r1, r2));
}

/** Control parameter matching the second derivative at the left end, kept convex/monotone. */
export function convexControlParameterLeft(
  xl: number,
  xr: number,
  yl: number,
  yr: number,
  dl: number,
  dr: number,
  secondDerivativeL: number,
  preferShape: boolean,
): number {
  const h = xr - xl;
  const numerator = 0.5 * h * secondDerivativeL + (dr - dl);
  let r: number;
  if (isZero(numerator)) r = 0;
  else {
    const denominator = (yr - yl) / h - dl;
    r = isZero(denominator) ? (numerator > 0 ? MAX_R : MIN_R) : numerator / denominator;
  }
  return Math.max(r, minimumControlParameter(dl, dr, (yr - yl) / h, preferShape));
}

/** Control parameter matching the second derivative at the right end, kept convex/monotone. */
export function convexControlParameterRight(
  xl: number,
  xr: number,
  yl: number,
  yr: number,
  dl: number,
  dr: number,
  secondDerivativeR: number,
  preferShape: boolean,
): number {
  const h = xr - xl;
  const numerator = 0.5 * h * secondDerivativeR + (dr - dl);
  let r: number;
  if (isZero(numerator)) r = 0;
  else {
    const denominator = dr - (yr - yl) / h;
    r = isZero(denominator) ? (numerator > 0 ? MAX_R : MIN_R) : numerator / denominator;
  }
  return Math.max(r, minimumControlParameter(dl, dr, (yr - yl) / h, preferShape));
}
