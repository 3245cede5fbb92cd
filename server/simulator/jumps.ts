/**
 * Compound Poisson jumps in log price: mostly down (crypto crashes are sharper than rallies), exponentially
 * distributed sizes, more frequent in turbulent and crash regimes (Merton 1976 with an asymmetric, Kou 2002,
 * double-exponential size law).
 */
import type { Rng } from '../../cells/random';
import type { MarketParams } from './params';
import type { Regime } from './regime';

/** A market jump (log size) over a step of `dtDays`, or 0. At most one jump per step. */
export function sampleMarketJump(
  regime: Regime,
  dtDays: number,
  rng: Rng,
  p: MarketParams,
): number {
  if (rng.next() >= 1 - Math.exp(-p.jumpRate[regime] * dtDays)) return 0;
  return jumpSize(rng, p.jumpDownProb, p.jumpDownMean, p.jumpUpMean);
}

/** A coin-specific jump (log size, before scaling by the coin's volatility) over `dtDays`, or 0. */
export function sampleIdioJump(dtDays: number, rng: Rng, p: MarketParams): number {
  if (rng.next() >= 1 - Math.exp(-p.idioJumpRate * dtDays)) return 0;
  return jumpSize(rng, 0.55, 0.06, 0.06);
}

function jumpSize(rng: Rng, downProb: number, downMean: number, upMean: number): number {
  const e = -Math.log(1 - rng.next());
  return rng.next() < downProb ? -downMean * e : upMean * e;
}

/** E[J²] of a market jump: the jump part of the variance, for the implied-vol forecast. */
export function marketJumpSecondMoment(p: MarketParams): number {
  const q = p.jumpDownProb;
  return q * 2 * p.jumpDownMean ** 2 + (1 - q) * 2 * p.jumpUpMean ** 2;
}
