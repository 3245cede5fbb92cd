/**
 * The at-the-money implied-vol term structure: the model's own forecast of average variance to each maturity
 * (mean reversion of the log variance plus the expected path of the regime chain, jumps included), lifted by a
 * variance risk premium that drifts slowly with sentiment. DVOL is its 30-day point. Pure: state and time in.
 */
import { COINS } from './coins';
import { marketJumpSecondMoment } from './jumps';
import { DEFAULT_PARAMS, type MarketParams } from './params';
import { REGIME_RATES, type Regime } from './regime';

/** The part of the state the implied vols depend on, for one coin. */
export interface VolSnapshot {
  regime: Regime;
  marketLogVar: number;
  levelShift: number;
  idioLogVar: number;
  premiumLog: number;
}

/** Mean implied/forecast vol ratio (real BTC, 2021–2026: Deribit DVOL − 30d realized ≈ +10.4 points on average); ETH's premium is larger. */
const PREMIUM = 1.2;
const COIN_PREMIUM: Readonly<Record<string, number>> = { ETH: 1.04 };
/** A floor in implied variance (annualized): option sellers never price crypto below ~30 vol. */
const FLOOR_VARIANCE = 0.12 ** 2;

/**
 * Implied ATM volatility (annualized fraction) for `years` to expiry of coin `coin` (index in COINS).
 *
 * @example
 * atmImpliedVol({regime: 0, marketLogVar: Math.log(0.025 ** 2), levelShift: 0, idioLogVar: 0, premiumLog: 0}, 0, 30 / 365);
 */
export function atmImpliedVol(
  snap: VolSnapshot,
  coin: number,
  years: number,
  p: MarketParams = DEFAULT_PARAMS,
): number {
  if (!(years > 0)) throw new RangeError(`invalid years: ${years}`);
  const spec = COINS[coin];
  if (!spec) throw new RangeError(`invalid coin: ${coin}`);
  const days = years * 365;
  const scale2 = spec.volScale * spec.volScale;
  const jumpBeta = (spec.volScale * spec.market) / COINS[0]!.market;
  const ej2 = marketJumpSecondMoment(p) * jumpBeta * jumpBeta;
  const stationary = (p.volOfVol * p.volOfVol) / (2 * p.kappa);
  // Diffusive level of each regime (log-normal mean of the log-variance OU) and its jump variance.
  const levels = [0, 1, 2].map(
    (r) => scale2 * Math.exp(p.logVarTarget[r as Regime] + snap.levelShift + 0.5 * stationary),
  );
  const jumpLevels = [0, 1, 2].map((r) => p.jumpRate[r as Regime] * ej2);
  // Today's deviation from the regime level decays at kappa (multiplicatively, so variance stays positive).
  const deviation =
    snap.marketLogVar +
    snap.idioLogVar -
    p.logVarTarget[snap.regime] -
    snap.levelShift -
    0.5 * stationary;
  const avg = regimeAverage(snap.regime, days, levels, jumpLevels, deviation, p.kappa);
  const premium = PREMIUM * (COIN_PREMIUM[spec.symbol] ?? 1) * Math.exp(snap.premiumLog);
  return Math.sqrt(365 * avg * premium * premium + FLOOR_VARIANCE);
}

/** The DVOL-like index (vol points): the 30-day ATM implied vol. */
export function dvolIndex(
  snap: VolSnapshot,
  coin: number,
  p: MarketParams = DEFAULT_PARAMS,
): number {
  return 100 * atmImpliedVol(snap, coin, 30 / 365, p);
}

const SUBSTEPS = 32;
/** Sub-step transition matrices by length (DVOL asks for the same 30 days at every hour). */
const matrixCache = new Map<number, number[][]>();

/**
 * (1/T)∫₀ᵀ E[level(regime_t)·e^{x·e^{−κt}} + jumpLevel(regime_t)] dt for the regime chain started at `r0`,
 * by exact sub-step transitions and the trapezoid rule.
 */
function regimeAverage(
  r0: Regime,
  days: number,
  levels: readonly number[],
  jumpLevels: readonly number[],
  deviation: number,
  kappa: number,
): number {
  const h = days / SUBSTEPS;
  let m = matrixCache.get(h);
  if (!m) {
    if (matrixCache.size > 4096) matrixCache.clear();
    m = transitionMatrix(h);
    matrixCache.set(h, m);
  }
  let p = [0, 0, 0];
  p[r0] = 1;
  const at = (q: number[], s: number) => {
    const mult = Math.exp(deviation * Math.exp(-kappa * s * h));
    return (
      q[0]! * (levels[0]! * mult + jumpLevels[0]!) +
      q[1]! * (levels[1]! * mult + jumpLevels[1]!) +
      q[2]! * (levels[2]! * mult + jumpLevels[2]!)
    );
  };
  let prev = at(p, 0);
  let sum = 0;
  for (let s = 1; s <= SUBSTEPS; s++) {
    p = [0, 1, 2].map((j) => p[0]! * m[0]![j]! + p[1]! * m[1]![j]! + p[2]! * m[2]![j]!);
    const next = at(p, s);
    sum += 0.5 * (prev + next);
    prev = next;
  }
  return sum / SUBSTEPS;
}

/** exp(Q·h) for the regime generator Q, by scaling and squaring a Taylor series. */
function transitionMatrix(h: number): number[][] {
  const q = REGIME_RATES.map((row, i) =>
    row.map((r, j) => (i === j ? -row.reduce((a, b) => a + b, 0) : r) * h),
  );
  let squarings = 0;
  let norm = Math.max(...q.map((row) => row.reduce((a, b) => a + Math.abs(b), 0)));
  while (norm > 0.5) {
    norm /= 2;
    squarings++;
  }
  const a = q.map((row) => row.map((x) => x / 2 ** squarings));
  let term = identity();
  let sum = identity();
  for (let k = 1; k <= 10; k++) {
    term = multiply(term, a).map((row) => row.map((x) => x / k));
    sum = sum.map((row, i) => row.map((x, j) => x + term[i]![j]!));
  }
  for (let s = 0; s < squarings; s++) sum = multiply(sum, sum);
  return sum;
}

function identity(): number[][] {
  return [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i === j ? 1 : 0)));
}

function multiply(x: number[][], y: number[][]): number[][] {
  return [0, 1, 2].map((i) =>
    [0, 1, 2].map((j) => x[i]![0]! * y[0]![j]! + x[i]![1]! * y[1]![j]! + x[i]![2]! * y[2]![j]!),
  );
}
