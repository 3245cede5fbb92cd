import { welford, type WelfordState } from '../stats/moments';
import type { Bars } from './bars';

/**
 * A rolling realized-volatility estimator as a streaming reducer, in Arquero's
 * `{init, add, rem, value}` manner: `add`/`rem` take bar `i` of `bars`, `value` is the per-period
 * volatility (not annualized) of the bars currently in the window.
 */
export interface VolReducer<S = unknown> {
  /** 1 when a bar's term reads the previous close (close-to-close, Yang-Zhang), else 0. */
  readonly lookback: 0 | 1;
  init(): S;
  add(state: S, bars: Bars, i: number): void;
  rem(state: S, bars: Bars, i: number): void;
  value(state: S): number;
}

interface SumState {
  n: number;
  sum: number;
}

/** A mean-of-terms estimator: σ² = scale · mean(term). */
function meanOfTerms(term: (b: Bars, i: number) => number, scale = 1): VolReducer<SumState> {
  return {
    lookback: 0,
    init: () => ({ n: 0, sum: 0 }),
    add(s, b, i) {
      s.n += 1;
      s.sum += term(b, i);
    },
    rem(s, b, i) {
      s.n -= 1;
      s.sum -= term(b, i);
    },
    value: (s) => (s.n > 0 ? Math.sqrt(Math.max(0, (scale * s.sum) / s.n)) : NaN),
  };
}

const LN2 = Math.LN2;

/** Close-to-close: sample standard deviation (n − 1) of log returns ln(C_t / C_{t−1}). */
export const closeToClose: VolReducer<WelfordState> = {
  lookback: 1,
  init: welford.init,
  add: (s, b, i) => welford.add(s, Math.log(b.close[i]! / b.close[i - 1]!)),
  rem: (s, b, i) => welford.rem(s, Math.log(b.close[i]! / b.close[i - 1]!)),
  value: (s) => Math.sqrt(welford.value(s)),
};

/** Parkinson (1980): σ² = mean((ln H/L)²) / (4 ln 2). */
export const parkinson = meanOfTerms(
  (b, i) => Math.log(b.high[i]! / b.low[i]!) ** 2,
  1 / (4 * LN2),
);

/** Garman and Klass (1980): σ² = mean(½ (ln H/L)² − (2 ln 2 − 1)(ln C/O)²). */
export const garmanKlass = meanOfTerms(
  (b, i) =>
    0.5 * Math.log(b.high[i]! / b.low[i]!) ** 2 -
    (2 * LN2 - 1) * Math.log(b.close[i]! / b.open[i]!) ** 2,
);

/** Rogers and Satchell (1991): σ² = mean(ln(H/C) ln(H/O) + ln(L/C) ln(L/O)); drift-free. */
export const rogersSatchell = meanOfTerms(rsTerm);

function rsTerm(b: Bars, i: number): number {
  const h = b.high[i]!;
  const l = b.low[i]!;
  const o = b.open[i]!;
  const c = b.close[i]!;
  return Math.log(h / c) * Math.log(h / o) + Math.log(l / c) * Math.log(l / o);
}

interface YangZhangState {
  overnight: WelfordState;
  openClose: WelfordState;
  rs: SumState;
}

/**
 * Yang and Zhang (2000): σ² = σ²_o + k σ²_c + (1 − k) σ²_RS, with σ²_o the sample variance of
 * overnight returns ln(O_t / C_{t−1}), σ²_c that of open-to-close returns ln(C_t / O_t) (not
 * close-to-close), σ²_RS the Rogers-Satchell mean and k = 0.34 / (1.34 + (n + 1) / (n − 1)).
 */
export const yangZhang: VolReducer<YangZhangState> = {
  lookback: 1,
  init: () => ({ overnight: welford.init(), openClose: welford.init(), rs: { n: 0, sum: 0 } }),
  add(s, b, i) {
    welford.add(s.overnight, Math.log(b.open[i]! / b.close[i - 1]!));
    welford.add(s.openClose, Math.log(b.close[i]! / b.open[i]!));
    s.rs.n += 1;
    s.rs.sum += rsTerm(b, i);
  },
  rem(s, b, i) {
    welford.rem(s.overnight, Math.log(b.open[i]! / b.close[i - 1]!));
    welford.rem(s.openClose, Math.log(b.close[i]! / b.open[i]!));
    s.rs.n -= 1;
    s.rs.sum -= rsTerm(b, i);
  },
  value(s) {
    const n = s.rs.n;
    if (n < 2) return NaN;
    const k = yangZhangK(n);
    const v =
      welford.value(s.overnight) + k * welford.value(s.openClose) + ((1 - k) * s.rs.sum) / n;
    return Math.sqrt(Math.max(0, v));
  },
};

/** Yang-Zhang weight k = 0.34 / (1.34 + (n + 1) / (n − 1)), which minimizes the estimator's variance. */
export function yangZhangK(n: number): number {
  return 0.34 / (1.34 + (n + 1) / (n - 1));
}

/** The estimators by name. */
export const estimators = {
  close: closeToClose,
  parkinson,
  garmanKlass,
  rogersSatchell,
  yangZhang,
} as const;

export type Estimator = keyof typeof estimators;
