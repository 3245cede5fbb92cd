/**
 * Implied volatility from the normalised Black price by P. Jäckel, "Let's Be Rational", Wilmott (2015) 40–53:
 * a rational initial guess on four branches of the price axis (with the transformed objective functions on the
 * outer two) and at most two Householder(3) steps, reaching machine precision everywhere.
 *
 * Ported from the reference implementation, lets_be_rational.cpp, © 2013-2014 Peter Jäckel
 * (www.jaeckel.org/LetsBeRational.7z: "Permission to use, copy, modify, and distribute this software is freely
 * granted, provided that this notice is preserved"), read in its Python mirror github.com/vollib/py_lets_be_rational
 * (lets_be_rational.py). Where that mirror's upper-branch loop differs from the C++ (the bisection fallback's
 * indentation), the C++ structure is followed.
 */
import { erfcx } from '../math/normal-erf';
import { normalCdf, normalInv } from '../math/normal';
import {
  normalisedBlackOtmInto,
  normalisedIntrinsic,
  otmPrice,
  otmVega,
  SMALL_T_THRESHOLD,
} from './normalised-black';
import {
  convexControlParameterLeft,
  convexControlParameterRight,
  rationalCubicInterpolation,
} from './rational-cubic';

const DBL_EPSILON = 2.220446049250313e-16;
const DBL_MIN = 2.2250738585072014e-308;
const SQRT_DBL_MAX = Math.sqrt(Number.MAX_VALUE);
const SQRT_THREE = 1.7320508075688772;
const SQRT_ONE_OVER_THREE = 0.5773502691896257;
const TWO_PI_OVER_SQRT_TWENTY_SEVEN = 1.2091995761561452;
const PI_OVER_SIX = 0.5235987755982988;
const SQRT_PI_OVER_TWO = 1.2533141373155003;
const ONE_OVER_SQRT_TWO_PI = 0.3989422804014327;
const ONE_OVER_SQRT_TWO = 0.7071067811865476;

/** Maximum Householder(3) iterations; Jäckel shows two reach machine precision. */
export const LBR_ITERATIONS = 2;

/** Scratch outputs of the f-maps, f, f′, f″ (a typed array: no allocation in the hot path). */
const map = new Float64Array(3);

/** b(x, s) for x ≤ 0 and s > 0 (0 for s ≤ 0), its vega left in `otmVega[0]`. */
function blackAndVega(x: number, s: number): number {
  if (s > 0) {
    normalisedBlackOtmInto(x, s);
    return otmPrice[0]!;
  }
  otmVega[0] = 0;
  return 0;
}

/**
 * b(x, s_c) at the inflexion point s_c = √(2|x|), where h = x/s = −s/2 = −t: the shared exponential
 * exp(−(h² + t²)/2) is exp(x/2) = b_max, and Φ(h + t) = Φ(0), so the erfcx region's formula needs one erfcx and
 * no exponential (its vega, left in `otmVega[0]`, is b_max/√(2π)). Small |x| (t < τ) and the asymptotic region (|x| ≥ 200) go through
 * the general evaluation.
 */
function blackAtCentre(x: number, sC: number, bMax: number): number {
  if (0.5 * sC < SMALL_T_THRESHOLD || x <= -200) return blackAndVega(x, sC);
  otmVega[0] = ONE_OVER_SQRT_TWO_PI * bMax;
  return Math.abs(Math.max(0.5 * bMax * (1 - erfcx(Math.sqrt(-x))), 0));
}

/**
 * f_l(s) = (2π/√27)·|x|·Φ(−z)³ with z = |x|/(√3·s), and its first two derivatives with respect to b, written
 * with the Mills-type ratio P = Φ(−z)/φ(z) = √(π/2)·erfcx(z/√2) (no exponential) so that the three need three
 * exponentials between them instead of a normal cdf, a density and the reference code's exp(y + s²/8), squared.
 */
function lowerMap(x: number, s: number): void {
  const ax = Math.abs(x);
  const z = (SQRT_ONE_OVER_THREE * ax) / s;
  const y = z * z;
  const s2 = s * s;
  const P = SQRT_PI_OVER_TWO * erfcx(ONE_OVER_SQRT_TWO * z);
  const Phi = ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * y) * P;
  // Φ(−z)·exp(2y + s²/4) = P·exp(3y/2 + s²/4)/√(2π); Φ(−z)²·exp(y + s²/8) = P²·exp(s²/8)/(2π).
  map[2] =
    ((PI_OVER_SIX * y) / (s2 * s)) *
    (8 * SQRT_THREE * s * ax + (3 * s2 * (s2 - 8) - 8 * x * x) * P) *
    (ONE_OVER_SQRT_TWO_PI * P * Math.exp(1.5 * y + 0.25 * s2));
  map[1] = y * P * P * Math.exp(0.125 * s2);
  map[0] = TWO_PI_OVER_SQRT_TWENTY_SEVEN * ax * (Phi * Phi * Phi);
}

function inverseLowerMap(x: number, f: number): number {
  if (f === 0) return 0;
  return Math.abs(
    x / (SQRT_THREE * normalInv(Math.cbrt(f / (TWO_PI_OVER_SQRT_TWENTY_SEVEN * Math.abs(x))))),
  );
}

/** f_u(s) = Φ(−s/2) and its first two derivatives with respect to b. */
function upperMap(x: number, s: number): void {
  map[0] = normalCdf(-0.5 * s);
  const w = (x / s) * (x / s);
  map[1] = -0.5 * Math.exp(0.5 * w);
  map[2] = SQRT_PI_OVER_TWO * Math.exp(w + 0.125 * s * s) * (w / s);
}

const householderFactor = (newton: number, halley: number, hh3: number): number =>
  (1 + 0.5 * halley * newton) / (1 + newton * (halley + (hh3 * newton) / 6));

/**
 * Normalised implied volatility s = σ√T for a normalised price beta = price/√(FK) of an option with
 * x = ln(F/K) and theta = +1 (call) or −1 (put). The caller guarantees intrinsic ≤ beta < bound; a price equal
 * to the intrinsic value gives 0.
 */
export function normalisedImpliedVol(
  beta: number,
  x: number,
  theta: number,
  iterations = LBR_ITERATIONS,
): number {
  // Subtract the intrinsic value and map to the out-of-the-money option, then puts to calls.
  if (theta * x > 0) {
    beta = Math.abs(Math.max(beta - normalisedIntrinsic(x, theta), 0));
    theta = -theta;
  }
  if (theta < 0) x = -x;
  if (beta <= 0) return 0;
  const bMax = Math.exp(0.5 * x);
  if (beta >= bMax) return Infinity;
  let n = 0;
  let reversals = 0;
  let s = -Number.MAX_VALUE;
  let ds = s;
  let dsPrevious = 0;
  let sLeft = DBL_MIN;
  let sRight = Number.MAX_VALUE;
  const sC = Math.sqrt(Math.abs(2 * x));
  const bC = blackAtCentre(x, sC, bMax);
  const vC = otmVega[0]!;
  if (beta < bC) {
    const sL = sC - bC / vC;
    const bL = blackAndVega(x, sL);
    const vL = otmVega[0]!;
    if (beta < bL) {
      lowerMap(x, sL);
      const fL = map[0]!;
      const fpL = map[1]!;
      const rLl = convexControlParameterRight(0, bL, 0, fL, 1, fpL, map[2]!, true);
      let f = rationalCubicInterpolation(beta, 0, bL, 0, fL, 1, fpL, rLl);
      if (!(f > 0)) {
        // Round-off for extreme |x|: quadratic through f(0) = 0, f(b_l) and f'(0) = 1.
        const t = beta / bL;
        f = (fL * t + bL * (1 - t)) * t;
      }
      s = inverseLowerMap(x, f);
      sRight = sL;
      // Lowest segment: g(s) = 1/ln(b(s)) − 1/ln(beta).
      const lnBeta = Math.log(beta);
      for (; n < iterations && Math.abs(ds) > DBL_EPSILON * s; n++) {
        if (ds * dsPrevious < 0) reversals++;
        if (n > 0 && (reversals === 3 || !(s > sLeft && s < sRight))) {
          // Looping inefficiently or stepping out of the bracket: bisect (only for extreme |x|).
          s = 0.5 * (sLeft + sRight);
          if (sRight - sLeft <= DBL_EPSILON * s) break;
          reversals = 0;
          ds = 0;
        }
        dsPrevious = ds;
        const b = blackAndVega(x, s);
        const bp = otmVega[0]!;
        if (b > beta && s < sRight) sRight = s;
        else if (b < beta && s > sLeft) sLeft = s;
        if (b <= 0 || bp <= 0) ds = 0.5 * (sLeft + sRight) - s;
        else {
          const lnB = Math.log(b);
          const bpob = bp / b;
          const h = x / s;
          const bHalley = (h * h) / s - s / 4;
          const newton = ((lnBeta - lnB) * lnB) / lnBeta / bpob;
          const halley = bHalley - bpob * (1 + 2 / lnB);
          const bHh3 = bHalley * bHalley - 3 * (h / s) * (h / s) - 0.25;
          const hh3 =
            bHh3 +
            2 * bpob * bpob * (1 + (3 / lnB) * (1 + 1 / lnB)) -
            3 * bHalley * bpob * (1 + 2 / lnB);
          ds = newton * householderFactor(newton, halley, hh3);
        }
        ds = Math.max(-0.5 * s, ds);
        s += ds;
      }
      return s;
    }
    const rLm = convexControlParameterRight(bL, bC, sL, sC, 1 / vL, 1 / vC, 0, false);
    s = rationalCubicInterpolation(beta, bL, bC, sL, sC, 1 / vL, 1 / vC, rLm);
    sLeft = sL;
    sRight = sC;
  } else {
    const sH = vC > DBL_MIN ? sC + (bMax - bC) / vC : sC;
    const bH = blackAndVega(x, sH);
    if (beta <= bH) {
      const vH = otmVega[0]!;
      const rHm = convexControlParameterLeft(bC, bH, sC, sH, 1 / vC, 1 / vH, 0, false);
      s = rationalCubicInterpolation(beta, bC, bH, sC, sH, 1 / vC, 1 / vH, rHm);
      sLeft = sC;
      sRight = sH;
    } else {
      upperMap(x, sH);
      const fH = map[0]!;
      const fpH = map[1]!;
      const fppH = map[2]!;
      let f = -Number.MAX_VALUE;
      if (fppH > -SQRT_DBL_MAX && fppH < SQRT_DBL_MAX) {
        const rHh = convexControlParameterLeft(bH, bMax, fH, 0, fpH, -0.5, fppH, true);
        f = rationalCubicInterpolation(beta, bH, bMax, fH, 0, fpH, -0.5, rHh);
      }
      if (f <= 0) {
        // Quadratic through f(b_h), f(b_max) = 0 and f'(b_max) = −1/2.
        const h = bMax - bH;
        const t = (beta - bH) / h;
        f = (fH * (1 - t) + 0.5 * h * t) * (1 - t);
      }
      s = -2 * normalInv(f);
      sLeft = sH;
      if (beta > 0.5 * bMax) {
        // Upper segment: g(s) = ln(b_max − beta) − ln(b_max − b(s)).
        for (; n < iterations && Math.abs(ds) > DBL_EPSILON * s; n++) {
          if (ds * dsPrevious < 0) reversals++;
          if (n > 0 && (reversals === 3 || !(s > sLeft && s < sRight))) {
            s = 0.5 * (sLeft + sRight);
            if (sRight - sLeft <= DBL_EPSILON * s) break;
            reversals = 0;
            ds = 0;
          }
          dsPrevious = ds;
          const b = blackAndVega(x, s);
          const bp = otmVega[0]!;
          if (b > beta && s < sRight) sRight = s;
          else if (b < beta && s > sLeft) sLeft = s;
          if (b >= bMax || bp <= DBL_MIN) ds = 0.5 * (sLeft + sRight) - s;
          else {
            const bMaxMinusB = bMax - b;
            const g = Math.log((bMax - beta) / bMaxMinusB);
            const gp = bp / bMaxMinusB;
            const bHalley = ((x / s) * (x / s)) / s - s / 4;
            const bHh3 = bHalley * bHalley - 3 * (x / (s * s)) * (x / (s * s)) - 0.25;
            const newton = -g / gp;
            const halley = bHalley + gp;
            const hh3 = bHh3 + gp * (2 * gp + 3 * bHalley);
            ds = newton * householderFactor(newton, halley, hh3);
          }
          ds = Math.max(-0.5 * s, ds);
          s += ds;
        }
        return s;
      }
    }
  }
  // Middle segments: g(s) = b(s) − beta.
  for (; n < iterations && Math.abs(ds) > DBL_EPSILON * s; n++) {
    if (ds * dsPrevious < 0) reversals++;
    if (n > 0 && (reversals === 3 || !(s > sLeft && s < sRight))) {
      s = 0.5 * (sLeft + sRight);
      if (sRight - sLeft <= DBL_EPSILON * s) break;
      reversals = 0;
      ds = 0;
    }
    dsPrevious = ds;
    const b = blackAndVega(x, s);
    const bp = otmVega[0]!;
    if (b > beta && s < sRight) sRight = s;
    else if (b < beta && s > sLeft) sLeft = s;
    const newton = (beta - b) / bp;
    const halley = ((x / s) * (x / s)) / s - s / 4;
    const hh3 = halley * halley - 3 * (x / (s * s)) * (x / (s * s)) - 0.25;
    ds = Math.max(-0.5 * s, newton * householderFactor(newton, halley, hh3));
    s += ds;
  }
  return s;
}
