/**
 * The hidden market regime: a continuous-time Markov chain on calm / turbulent / crash, so it can be stepped
 * by any dt (hourly for the bundled history, seconds for the live exchange). Rates are per day.
 */
import type { Rng } from '../../cells/random';

export const REGIMES = { calm: 0, turbulent: 1, crash: 2 } as const;
export type Regime = (typeof REGIMES)[keyof typeof REGIMES];
export const REGIME_LABELS = ['calm', 'turbulent', 'crash'] as const;

/**
 * Exit rates per day: calm lasts ~5 months, turbulent ~6 weeks, a crash ~5 days (crypto bear legs and
 * capitulations as in the real stress episodes listed in episodes.ts).
 */
export const REGIME_RATES: readonly (readonly number[])[] = [
  [0, 1 / 240, 1 / 1600],
  [1 / 45, 0, 1 / 180],
  [1 / 30, 1 / 6.5, 0],
];

/**
 * The regime after `dtDays`: at most one jump per step (steps are short next to the holding times).
 *
 * @example
 * stepRegime(REGIMES.calm, 1 / 24, createRng(1)); // usually 0
 */
export function stepRegime(regime: Regime, dtDays: number, rng: Rng): Regime {
  if (!(dtDays >= 0)) throw new RangeError(`invalid dtDays: ${dtDays}`);
  const rates = REGIME_RATES[regime]!;
  let total = 0;
  for (const r of rates) total += r;
  const u = rng.next();
  if (u >= 1 - Math.exp(-total * dtDays)) return regime;
  let pick = rng.next() * total;
  for (let j = 0; j < rates.length; j++) {
    pick -= rates[j]!;
    if (pick < 0 && rates[j]! > 0) return j as Regime;
  }
  return regime;
}
