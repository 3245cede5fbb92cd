/**
 * Raw-SVI calibration of one expiry by the quasi-explicit method (De Marco and Martini, Zeliade 2009): an outer
 * Nelder–Mead search over (m, σ) around the inner constrained linear least squares in (a, d, c) (`svi-inner.ts`).
 * Residuals are in total variance scaled by 1/(2σ_i T) so the objective is, to first order, squared vol error.
 *
 * @example
 * const k = Float64Array.of(-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3);
 * const iv = k.map((x) => 0.6 + 0.8 * x * x - 0.1 * x);
 * const fit = fitSvi({ k, iv, T: 30 / 365 }); // {a, b, rho, m, sigma, rmseVolPoints, …}
 * const atm = vol.surface.sviImpliedVol(fit, 0, fit.T); // the fitted ATM vol
 * Math.abs(atm - 0.6) < 0.005; // → true: the quoted ATM vol, up to the fit error
 */
import { nelderMead } from '../optimize/nelder-mead';
import { sviDurrlemanG, sviImpliedVol, type SviParams } from './svi';
import { solveInner, type InnerSums } from './svi-inner';

export interface SviSliceInput {
  /** Log-moneyness ln(K/F). */
  k: ArrayLike<number>;
  /** Implied vols as fractions. */
  iv: ArrayLike<number>;
  /** Years to expiry. */
  T: number;
  /** Relative weights (e.g. vega or 1/spread); default: 1/(ask − bid) when bid/ask IVs are given, else uniform. */
  weights?: ArrayLike<number>;
  bidIv?: ArrayLike<number>;
  askIv?: ArrayLike<number>;
}

export interface SviFitOptions {
  /** Wing bound b(1 + |ρ|) ≤ wingSlopeMax: 4 in Zeliade's paper, 2 is Lee's moment bound (default 4). */
  wingSlopeMax?: number;
  /** Penalise butterfly arbitrage (Durrleman's g < 0 on a k-grid) in the outer search and use Lee's bound 2. */
  noArbitrage?: boolean;
  /**
   * A previous fit of this expiry (e.g. the last cycle's on a live chain): the outer search starts at its (m, σ)
   * with a small simplex instead of from two generic starts. It reaches the cold fit's optimum in fewer
   * evaluations when the smile moved little, and falls back to the cold search when a generic start does better.
   */
  start?: Pick<SviParams, 'm' | 'sigma'>;
}

export interface SviFit extends SviParams {
  T: number;
  /** Root-mean-square error of the fitted vols in vol points (0.01 = 1 point), unweighted. */
  rmseVolPoints: number;
  /** Share of points whose fitted vol lies within [bid_iv, ask_iv] (NaN without bid/ask). */
  insideBidAsk: number;
  /** Number of points fitted. */
  n: number;
}

interface Prepared {
  k: Float64Array;
  v: Float64Array;
  w: Float64Array;
}

function prepare(input: SviSliceInput): Prepared {
  const { k, iv, T, weights, bidIv, askIv } = input;
  if (!(T > 0)) throw new RangeError(`invalid T: ${T}`);
  if (k.length !== iv.length) throw new RangeError(`invalid iv length: ${iv.length}`);
  const ks: number[] = [];
  const vs: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < k.length; i++) {
    const sigma = iv[i]!;
    let wt = weights ? weights[i]! : 1;
    if (!weights && bidIv && askIv) {
      const spread = askIv[i]! - bidIv[i]!;
      wt = spread > 0 ? 1 / Math.max(spread, 0.002) : 1 / 0.05;
    }
    if (!(sigma > 0 && Number.isFinite(k[i]!) && wt > 0 && Number.isFinite(wt))) continue;
    ks.push(k[i]!);
    vs.push(sigma * sigma * T);
    const scale = 1 / (2 * sigma * T);
    ws.push(wt * scale * scale);
  }
  if (ks.length < 5) throw new RangeError(`invalid slice: ${ks.length} usable points (need 5)`);
  return { k: Float64Array.from(ks), v: Float64Array.from(vs), w: Float64Array.from(ws) };
}

const sums: InnerSums = {
  s1: 0,
  sy: 0,
  sz: 0,
  syy: 0,
  syz: 0,
  szz: 0,
  sv: 0,
  syv: 0,
  szv: 0,
  svv: 0,
};

function inner(p: Prepared, m: number, sigma: number, wingSlopeMax: number, aHi: number) {
  let s1 = 0;
  let sy = 0;
  let sz = 0;
  let syy = 0;
  let syz = 0;
  let szz = 0;
  let sv = 0;
  let syv = 0;
  let szv = 0;
  let svv = 0;
  const { k, w: wt, v: vs } = p;
  for (let i = 0; i < k.length; i++) {
    const y = (k[i]! - m) / sigma;
    const z = Math.sqrt(y * y + 1);
    const w = wt[i]!;
    const v = vs[i]!;
    const wy = w * y;
    const wz = w * z;
    s1 += w;
    sy += wy;
    sz += wz;
    syy += wy * y;
    syz += wy * z;
    szz += wz * z;
    sv += w * v;
    syv += wy * v;
    szv += wz * v;
    svv += w * v * v;
  }
  sums.s1 = s1;
  sums.sy = sy;
  sums.sz = sz;
  sums.syy = syy;
  sums.syz = syz;
  sums.szz = szz;
  sums.sv = sv;
  sums.syv = syv;
  sums.szv = szv;
  sums.svv = svv;
  return solveInner(sums, wingSlopeMax * sigma, 0, aHi);
}

function toParams(a: number, d: number, c: number, m: number, sigma: number): SviParams {
  const b = c / sigma;
  return { a, b, rho: c > 0 ? Math.max(-1, Math.min(1, d / c)) : 0, m, sigma };
}

/**
 * Sum of the negative parts (an exact L1 penalty) of Durrleman's g on a grid over the data ± one span, plus a grid around m scaled
 * by σ, where a narrow dip in the density hides. The margin keeps g ≥ 0 between grid points too.
 */
const G_MARGIN = 1e-3;

function butterflyPenalty(params: SviParams, kLo: number, kHi: number): number {
  let pen = 0;
  const span = kHi - kLo;
  const add = (k: number): void => {
    const g = sviDurrlemanG(params, k);
    if (!(g >= G_MARGIN)) pen += Number.isNaN(g) ? 1 : G_MARGIN - g;
  };
  for (let i = 0; i <= 120; i++) add(kLo - span + (3 * span * i) / 120);
  for (let i = -64; i <= 64; i++) add(params.m + (params.sigma * i) / 8);
  return pen;
}

/** The warm start's simplex: steps of 1% of the strike span in m and 0.1 in ln σ. */
const WARM_STEP = 0.01;

/** Calibrates raw SVI to one slice. Throws on fewer than 5 usable points. */
export function fitSvi(input: SviSliceInput, options: SviFitOptions = {}): SviFit {
  const noArbitrage = options.noArbitrage ?? false;
  const wingSlopeMax = options.wingSlopeMax ?? (noArbitrage ? 2 : 4);
  const p = prepare(input);
  let kLo = Infinity;
  let kHi = -Infinity;
  let vMax = 0;
  let iMin = 0;
  for (let i = 0; i < p.k.length; i++) {
    kLo = Math.min(kLo, p.k[i]!);
    kHi = Math.max(kHi, p.k[i]!);
    vMax = Math.max(vMax, p.v[i]!);
    if (p.v[i]! < p.v[iMin]!) iMin = i;
  }
  const span = Math.max(kHi - kLo, 1e-3);
  const sigMin = 1e-3 * span;
  const sigMax = 4 * span;
  const objective = (x: Float64Array): number => {
    const m = x[0]!;
    const sigma = Math.exp(x[1]!);
    if (m < kLo - span || m > kHi + span || sigma < sigMin || sigma > sigMax) return Infinity;
    const s = inner(p, m, sigma, wingSlopeMax, vMax);
    if (!noArbitrage) return s.sse;
    return (
      s.sse +
      1e2 * sums.s1 * vMax * vMax * butterflyPenalty(toParams(s.a, s.d, s.c, m, sigma), kLo, kHi)
    );
  };
  // Two starts (the minimum of the data, and the centre of the strikes) guard against a poor local minimum.
  const starts = [
    { x: [p.k[iMin]!, Math.log(0.2 * span)], step: [0.1 * span, 0.7] },
    { x: [0.5 * (kLo + kHi), Math.log(0.5 * span)], step: [0.2 * span, 0.7] },
  ];
  const search = (x: number[], step: number[]) => nelderMead(objective, x, { step, tolX: 1e-7 });
  const warm = options.start;
  let best =
    warm && warm.sigma > 0 && Number.isFinite(warm.m)
      ? search([warm.m, Math.log(warm.sigma)], [WARM_STEP * span, 10 * WARM_STEP])
      : null;
  // A warm result above either generic start's own value has lost the optimum: search from scratch.
  if (!best || starts.some((s) => objective(Float64Array.from(s.x)) < best!.f)) {
    best = search(starts[0]!.x, starts[0]!.step);
    const alt = search(starts[1]!.x, starts[1]!.step);
    if (alt.f < best.f) best = alt;
  }
  const m = best.x[0]!;
  const sigma = Math.exp(best.x[1]!);
  const s = inner(p, m, sigma, wingSlopeMax, vMax);
  const params = toParams(s.a, s.d, s.c, m, sigma);
  return { ...params, T: input.T, ...fitQuality(params, input) };
}

/** RMSE in vol points and the share inside bid/ask of a fitted slice against its data. */
export function fitQuality(
  params: SviParams,
  input: SviSliceInput,
): { rmseVolPoints: number; insideBidAsk: number; n: number } {
  let sse = 0;
  let n = 0;
  let inside = 0;
  let quoted = 0;
  for (let i = 0; i < input.k.length; i++) {
    const iv = input.iv[i]!;
    if (!(iv > 0 && Number.isFinite(input.k[i]!))) continue;
    const fitted = sviImpliedVol(params, input.k[i]!, input.T);
    sse += (fitted - iv) ** 2;
    n++;
    const bid = input.bidIv?.[i];
    const ask = input.askIv?.[i];
    if (
      bid !== undefined &&
      ask !== undefined &&
      Number.isFinite(bid) &&
      Number.isFinite(ask) &&
      ask > 0
    ) {
      quoted++;
      if (fitted >= bid && fitted <= ask) inside++;
    }
  }
  return {
    rmseVolPoints: Math.sqrt(sse / n) * 100,
    insideBidAsk: quoted > 0 ? inside / quoted : NaN,
    n,
  };
}
