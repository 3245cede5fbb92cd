/**
 * Delta-gamma VaR: the book's P&L as a quadratic in each underlying's daily log return x,
 * P ≈ Θ + Σ D·x + ½ Σ G·x² (D and G from the book's own revaluation by central differences, so the smile is
 * in them; as functions of x, G includes D since spot moves by eˣ − 1), with x normal at the returns' sample
 * covariance. The quantile is Cornish–Fisher to the skewness term from the quadratic's first three moments
 * (Zangari 1996; Jorion, "Value at Risk", ch. 14); ES averages that quantile over the tail.
 */
import { normalInv } from '../math/normal';
import { revalue } from './revalue';
import type { RiskBook } from './risk-book';
import type { VarResult } from './historical-var';

const H = 1e-3;
const TAIL_POINTS = 200;

export interface DeltaGammaResult extends VarResult {
  /** Per book: USD per unit log return, and its second derivative. */
  delta: number[];
  gamma: number[];
  /** USD P&L of one day passing. */
  theta: number;
  mean: number;
  sd: number;
  skew: number;
}

/** Sample covariance (around zero: daily means are noise) of aligned return series. */
function covariance(returns: readonly Float64Array[]): number[][] {
  const n = returns[0]?.length ?? 0;
  return returns.map((a) =>
    returns.map((b) => {
      let s = 0;
      for (let d = 0; d < n; d++) s += a[d]! * b[d]!;
      return n > 0 ? s / n : NaN;
    }),
  );
}

/**
 * @example
 * const p = { instrument_name: 'BTC-PERPETUAL', instrument: { kind: 'perpetual', currency: 'BTC' }, amount: 10_000, avgPrice: 50_000, realizedPnl: 0, fees: 0, fills: 1 };
 * const book = vol.portfolio.riskBook([vol.portfolio.markPosition(p, { price: 50_000, index: 50_000, timestamp: 0 }, 0)], 'BTC', 0);
 * Math.round(deltaGammaVar([book], [Float64Array.of(0.02, -0.02)]).delta[0]); // → 10000
 */
export function deltaGammaVar(
  books: readonly RiskBook[],
  returns: readonly Float64Array[],
  confidence = 0.99,
): DeltaGammaResult {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`invalid confidence: ${confidence}`);
  if (books.length !== returns.length) throw new RangeError('one return series per book');
  const at = (book: RiskBook, x: number, days = 0) => revalue(book, Math.expm1(x), 0, days).pnlUsd;
  const delta = books.map((b) => (at(b, H) - at(b, -H)) / (2 * H));
  const gamma = books.map((b) => (at(b, H) - 2 * at(b, 0) + at(b, -H)) / (H * H));
  const theta = books.reduce((s, b) => s + at(b, 0, 1), 0);
  const S = covariance(returns);
  const m = books.length;
  // With A = diag(G)·Σ: mean Θ + ½ tr(A), variance DᵀΣD + ½ tr(A²), third moment 3 DᵀΣ diag(G) Σ D + tr(A³).
  const A = S.map((row, i) => row.map((v) => gamma[i]! * v));
  const SD = S.map((row) => row.reduce((s, v, j) => s + v * delta[j]!, 0));
  let trA = 0;
  let trA2 = 0;
  let trA3 = 0;
  let dSd = 0;
  let dSGSd = 0;
  for (let i = 0; i < m; i++) {
    trA += A[i]![i]!;
    dSd += delta[i]! * SD[i]!;
    dSGSd += SD[i]! * gamma[i]! * SD[i]!;
    for (let j = 0; j < m; j++) {
      trA2 += A[i]![j]! * A[j]![i]!;
      for (let k = 0; k < m; k++) trA3 += A[i]![j]! * A[j]![k]! * A[k]![i]!;
    }
  }
  const mean = theta + 0.5 * trA;
  const variance = dSd + 0.5 * trA2;
  const sd = Math.sqrt(variance);
  const skew = variance > 0 ? (3 * dSGSd + trA3) / variance ** 1.5 : 0;
  const quantile = (p: number) => {
    const z = normalInv(p);
    return mean + sd * (z + ((z * z - 1) * skew) / 6);
  };
  const alpha = 1 - confidence;
  let tail = 0;
  for (let i = 0; i < TAIL_POINTS; i++) tail += quantile((alpha * (i + 0.5)) / TAIL_POINTS);
  return {
    var: -quantile(alpha),
    es: -tail / TAIL_POINTS,
    confidence,
    n: returns[0]?.length ?? 0,
    delta,
    gamma,
    theta,
    mean,
    sd,
    skew,
  };
}
