/**
 * One step of the market model. Returns (per coin) = drift + √(h·dt)·z + jumps, where the standardized shock z
 * loads on a Student-t market factor, a sector factor and an idiosyncratic part, and h is the coin's daily
 * variance: a market log variance that mean-reverts to a regime level (log-normal stochastic volatility with
 * a leverage effect, Taylor 1986) and spikes after jumps, times a coin-specific deviation.
 */
import type { Rng } from '../../cells/random';
import { COINS, SECTORS } from './coins';
import { sampleIdioJump, sampleMarketJump } from './jumps';
import { DEFAULT_PARAMS, type MarketParams } from './params';
import { stepRegime, type Regime } from './regime';
import { stepSeasonality } from './seasonality';
import type { MarketState } from './state';
import { SECONDS_PER_DAY } from '../../cells/time';

export interface StepOptions {
  /** Hold the regime at this value for the step (stress episodes at their real dates). */
  forceRegime?: Regime;
  /** Add this market jump (log size for BTC) during the step. */
  marketJump?: number;
}

export interface StepResult {
  state: MarketState;
  /** Log return of each coin over the step. */
  logReturns: Float64Array;
  /** Diffusive variance of each coin's return over the step (for intra-step high/low). */
  stepVariances: Float64Array;
  /** Jump of each coin over the step (0 when none). */
  jumps: Float64Array;
}

const SECTOR_INDEX = COINS.map((c) => SECTORS.indexOf(c.sector));
const BTC_LOADING = COINS[0]!.market;

/**
 * Advance `state` by `dtSeconds`. Pure: the input state is not modified.
 *
 * @example
 * const { state, logReturns } = step(createMarketState(t0), 3600, createRng(7));
 */
export function step(
  state: MarketState,
  dtSeconds: number,
  rng: Rng,
  params: MarketParams = DEFAULT_PARAMS,
  options: StepOptions = {},
): StepResult {
  if (!(dtSeconds > 0) || !Number.isFinite(dtSeconds))
    throw new RangeError(`invalid dtSeconds: ${dtSeconds}`);
  return stepUnchecked(state, dtSeconds, rng, params, options);
}

function stepUnchecked(
  s: MarketState,
  dtSeconds: number,
  rng: Rng,
  p: MarketParams,
  options: StepOptions,
): StepResult {
  const n = COINS.length;
  const tau = dtSeconds / SECONDS_PER_DAY;
  const sqrtTau = Math.sqrt(tau);
  const regime = options.forceRegime ?? stepRegime(s.regime, tau, rng);
  const season = stepSeasonality(s.t, dtSeconds);
  const tScale = Math.sqrt((p.nu - 2) / p.nu);
  const zm = rng.studentT(p.nu) * tScale;
  const sectorShocks = SECTORS.map(() => rng.normal());
  const marketJump = sampleMarketJump(regime, tau, rng, p) + (options.marketJump ?? 0);
  const stress = p.stressLoading[regime];

  const logReturns = new Float64Array(n);
  const stepVariances = new Float64Array(n);
  const jumps = new Float64Array(n);
  const idioLogVar = new Array<number>(n);
  const logPrices = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const coin = COINS[i]!;
    const h = coin.volScale * coin.volScale * Math.exp(s.marketLogVar + s.idioLogVar[i]!);
    const a = Math.min(0.985, coin.market * stress);
    const b = coin.sectorLoading;
    const c = Math.sqrt(Math.max(0, 1 - a * a - b * b));
    const z = a * zm + b * sectorShocks[SECTOR_INDEX[i]!]! + c * rng.normal();
    const v = h * season * tau;
    let jump = marketJump === 0 ? 0 : (marketJump * coin.volScale * coin.market) / BTC_LOADING;
    if (i > 0) jump += sampleIdioJump(tau, rng, p) * coin.volScale;
    const r = (p.drift[regime] - 0.5 * h) * tau + Math.sqrt(v) * z + jump;
    logReturns[i] = r;
    stepVariances[i] = v;
    jumps[i] = jump;
    logPrices[i] = s.logPrices[i]! + r;
    idioLogVar[i] =
      s.idioLogVar[i]! -
      p.idioKappa * s.idioLogVar[i]! * tau +
      p.idioVolOfVol * sqrtTau * rng.normal();
  }

  const sigmaDay = Math.exp(0.5 * s.marketLogVar);
  const w = p.leverage * zm + Math.sqrt(1 - p.leverage * p.leverage) * rng.normal();
  const target = p.logVarTarget[regime] + s.levelShift;
  const marketLogVar =
    s.marketLogVar +
    p.kappa * (target - s.marketLogVar) * tau +
    p.volOfVol * sqrtTau * w +
    p.jumpFeedback * Math.min(6, Math.abs(marketJump) / sigmaDay);
  const premiumLog = s.premiumLog - 0.04 * s.premiumLog * tau + 0.035 * sqrtTau * rng.normal();

  const state: MarketState = {
    t: s.t + dtSeconds,
    regime,
    marketLogVar,
    levelShift: s.levelShift,
    idioLogVar,
    logPrices,
    premiumLog,
  };
  return { state, logReturns, stepVariances, jumps };
}
