/**
 * Jäckel's normalised Black function b(x, s) = Φ(x/s + s/2)·e^{x/2} − Φ(x/s − s/2)·e^{−x/2}, with x = ln(F/K) and
 * s = σ√T, so that the Black-76 call is √(FK)·b(x, s). Evaluated in four regions to keep full relative precision
 * far out of the money and near expiry.
 *
 * Ported from P. Jäckel, "Let's Be Rational", Wilmott (2015) 40–53, reference code © 2013-2014 Peter Jäckel
 * (www.jaeckel.org/LetsBeRational.7z; "permission to use, copy, modify, and distribute this software is freely
 * granted, provided that this notice is preserved"), as mirrored in github.com/vollib/py_lets_be_rational
 * (lets_be_rational.py: normalised_black_call and its helpers).
 */
import { erfcx } from '../math/normal-erf';
import { normalCdf } from '../math/normal';

const ONE_OVER_SQRT_TWO = 0.7071067811865476;
const ONE_OVER_SQRT_TWO_PI = 0.3989422804014327;
const SQRT_TWO_PI = 2.5066282746310007;
const SQRT_DBL_MIN = Math.sqrt(2.2250738585072014e-308);
/** h below which the asymptotic expansion (A&S 26.2.12) is used. */
const ASYMPTOTIC_THRESHOLD = -10;
/** t = s/2 below which the small-t expansion is used: 2·ε^(1/16). */
export const SMALL_T_THRESHOLD = 2 * Math.pow(2.220446049250313e-16, 1 / 16);

/** The normalised intrinsic value max(θ(e^{x/2} − e^{−x/2}), 0), by its series for small |x|. */
export function normalisedIntrinsic(x: number, theta: number): number {
  if (theta * x <= 0) return 0;
  const x2 = x * x;
  // 98 ≈ (92897280)^(1/4), the last coefficient, times ε^(1/4).
  if (x2 < 98 * 1.220703125e-4) {
    return Math.abs(
      theta * x * (1 + x2 * (1 / 24 + x2 * (1 / 1920 + x2 * (1 / 322560 + x2 / 92897280)))),
    );
  }
  const bMax = Math.exp(0.5 * x);
  return Math.abs(theta * (bMax - 1 / bMax));
}

/** ∂b/∂s = exp(−(x/s)²/2 − s²/8)/√(2π), the vega of the normalised Black function. */
export function normalisedVega(x: number, s: number): number {
  const ax = Math.abs(x);
  if (ax <= 0) return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.125 * s * s);
  if (s <= 0 || s <= ax * SQRT_DBL_MIN) return 0;
  const h = x / s;
  return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + 0.25 * s * s));
}

/** b(x, s) for a call (theta = +1) or put (theta = −1): the put is the call at −x. */
export function normalisedBlack(x: number, s: number, theta: number): number {
  return normalisedBlackCall(theta < 0 ? -x : x, s);
}

export function normalisedBlackCall(x: number, s: number): number {
  if (x > 0) return normalisedIntrinsic(x, 1) + normalisedBlackCall(-x, s);
  if (s <= 0) return normalisedIntrinsic(x, 1);
  return normalisedBlackOtm(x, s);
}

// 1/3!, 1/5!, …, 1/13!: the expansion multiplies by these (a division per term would sit on the critical path).
const R3 = 1 / 6;
const R5 = 1 / 120;
const R7 = 1 / 5040;
const R9 = 1 / 362880;
const R11 = 1 / 39916800;
const R13 = 1 / 6227020800;

/** ∂b/∂s of the last `normalisedBlackOtm` evaluation (a typed array: a double in a `let` is boxed on each store). */
export const otmVega = new Float64Array(1);

/** b of the last `normalisedBlackOtmInto` evaluation. */
export const otmPrice = new Float64Array(1);

/**
 * b(x, s) for x ≤ 0 < s, leaving its vega ∂b/∂s in `otmVega[0]`: every region shares exp(−(h² + t²)/2), the vega
 * times √(2π), so the implied-vol iteration gets the vega for free.
 */
export function normalisedBlackOtm(x: number, s: number): number {
  normalisedBlackOtmInto(x, s);
  return otmPrice[0]!;
}

/**
 * `normalisedBlackOtm` with the price left in `otmPrice[0]` (and the vega in `otmVega[0]`): a double returned
 * from a call that is not inlined is boxed, one allocation per evaluation in the implied-vol iteration.
 */
export function normalisedBlackOtmInto(x: number, s: number): void {
  const h = x / s;
  const t = 0.5 * s;
  const e = Math.exp(-0.5 * (h * h + t * t));
  otmVega[0] = ONE_OVER_SQRT_TWO_PI * e;
  // Region 1: h < η and t < τ + |h| − |η|, written without dividing by s.
  if (
    x < s * ASYMPTOTIC_THRESHOLD &&
    0.5 * s * s + x < s * (SMALL_T_THRESHOLD + ASYMPTOTIC_THRESHOLD)
  ) {
    otmPrice[0] = asymptoticExpansion(h, t, e);
    return;
  }
  if (t < SMALL_T_THRESHOLD) {
    // Region 2: Y(h+t) − Y(h−t) expanded to 12th order in t, accurate to ε for h ≤ 0 and t < 2ε^(1/16) ≈ 0.21,
    // with a := 1 + h·Y(h), Y(h) = Φ(h)/φ(h) = √(π/2)·erfcx(−h/√2). Inline: most of a chain lands here.
    const a = 1 + h * (0.5 * SQRT_TWO_PI) * erfcx(-ONE_OVER_SQRT_TWO * h);
    const w = t * t;
    const h2 = h * h;
    // prettier-ignore
    const expansion = 2*t*(a+w*((-1+3*a+a*h2)*R3+w*((-7+15*a+h2*(-1+10*a+a*h2))*R5+w*((-57+105*a+h2*(-18+105*a+h2*(-1+21*a+a*h2)))*R7+w*((-561+945*a+h2*(-285+1260*a+h2*(-33+378*a+h2*(-1+36*a+a*h2))))*R9+w*((-6555+10395*a+h2*(-4680+17325*a+h2*(-840+6930*a+h2*(-52+990*a+h2*(-1+55*a+a*h2)))))*R11+((-89055+135135*a+h2*(-82845+270270*a+h2*(-20370+135135*a+h2*(-1926+25740*a+h2*(-75+2145*a+h2*(-1+78*a+a*h2))))))*w)*R13))))));
    otmPrice[0] = Math.abs(Math.max(ONE_OVER_SQRT_TWO_PI * e * expansion, 0));
    return;
  }
  // Region 3: h + t > 0.85, the first term dominates; the plain difference keeps its accuracy.
  if (x + 0.5 * s * s > s * 0.85) {
    const bMax = Math.exp(0.5 * x);
    otmPrice[0] = Math.abs(Math.max(normalCdf(h + t) * bMax - normalCdf(h - t) / bMax, 0));
    return;
  }
  // Region 4: one exponential and a difference of two rational functions (erfcx).
  const b = 0.5 * e * (erfcx(-ONE_OVER_SQRT_TWO * (h + t)) - erfcx(-ONE_OVER_SQRT_TWO * (h - t)));
  otmPrice[0] = Math.abs(Math.max(b, 0));
}

/**
 * b = φ-scaled [Y(h+t) − Y(h−t)] with Y = Φ/φ, by the 17th-order asymptotic expansion of A&S (26.2.12) in
 * q = (h/r)², e = (t/h)², r = (h+t)(h−t); accurate to 1.64e-16 for h ≤ −10.
 */
function asymptoticExpansion(h: number, t: number, e0: number): number {
  const e = (t / h) * (t / h);
  const r = (h + t) * (h - t);
  const q = (h / r) * (h / r);
  // prettier-ignore
  const sum = (2+q*(-6-2*e+3*q*(10+e*(20+2*e)+5*q*(-14+e*(-70+e*(-42-2*e))+7*q*(18+e*(168+e*(252+e*(72+2*e)))+9*q*(-22+e*(-330+e*(-924+e*(-660+e*(-110-2*e))))+11*q*(26+e*(572+e*(2574+e*(3432+e*(1430+e*(156+2*e)))))+13*q*(-30+e*(-910+e*(-6006+e*(-12870+e*(-10010+e*(-2730+e*(-210-2*e))))))+15*q*(34+e*(1360+e*(12376+e*(38896+e*(48620+e*(24752+e*(4760+e*(272+2*e)))))))+17*q*(-38+e*(-1938+e*(-23256+e*(-100776+e*(-184756+e*(-151164+e*(-54264+e*(-7752+e*(-342-2*e))))))))+19*q*(42+e*(2660+e*(40698+e*(232560+e*(587860+e*(705432+e*(406980+e*(108528+e*(11970+e*(420+2*e)))))))))+21*q*(-46+e*(-3542+e*(-67298+e*(-490314+e*(-1634380+e*(-2704156+e*(-2288132+e*(-980628+e*(-201894+e*(-17710+e*(-506-2*e))))))))))+23*q*(50+e*(4600+e*(106260+e*(961400+e*(4085950+e*(8914800+e*(10400600+e*(6537520+e*(2163150+e*(354200+e*(25300+e*(600+2*e)))))))))))+25*q*(-54+e*(-5850+e*(-161460+e*(-1776060+e*(-9373650+e*(-26075790+e*(-40116600+e*(-34767720+e*(-16872570+e*(-4440150+e*(-592020+e*(-35100+e*(-702-2*e))))))))))))+27*q*(58+e*(7308+e*(237510+e*(3121560+e*(20030010+e*(69194580+e*(135727830+e*(155117520+e*(103791870+e*(40060020+e*(8584290+e*(950040+e*(47502+e*(812+2*e)))))))))))))+29*q*(-62+e*(-8990+e*(-339822+e*(-5259150+e*(-40320150+e*(-169344630+e*(-412506150+e*(-601080390+e*(-530365050+e*(-282241050+e*(-88704330+e*(-15777450+e*(-1472562+e*(-62930+e*(-930-2*e))))))))))))))+31*q*(66+e*(10912+e*(474672+e*(8544096+e*(77134200+e*(387073440+e*(1146332880+e*(2074316640+e*(2333606220+e*(1637618400+e*(709634640+e*(185122080+e*(27768312+e*(2215136+e*(81840+e*(1056+2*e)))))))))))))))+33*(-70+e*(-13090+e*(-649264+e*(-13449040+e*(-141214920+e*(-834451800+e*(-2952675600+e*(-6495886320+e*(-9075135300+e*(-8119857900+e*(-4639918800+e*(-1668903600+e*(-367158792+e*(-47071640+e*(-3246320+e*(-104720+e*(-1190-2*e)))))))))))))))))*q)))))))))))))))));
  const b = ONE_OVER_SQRT_TWO_PI * e0 * (t / r) * sum;
  return Math.abs(Math.max(b, 0));
}
