/**
 * Stress episodes placed at their real dates (2015–2024, from BTC/ETH daily closes and Deribit DVOL): the crash regime is forced for a few days and a
 * market jump (log size, BTC scale) hits at the given hour. Plus the yearly volatility "eras" of BTC history,
 * which shift the regime variance targets so each simulated year has roughly its real character.
 */
import { REGIMES, type Regime } from './regime';

export interface StressEpisode {
  /** ISO timestamp (UTC) of the jump. */
  at: string;
  jump: number;
  /** Days the regime is held from `at`. */
  days: number;
  regime: Regime;
  label: string;
}

export const STRESS_EPISODES: readonly StressEpisode[] = [
  {
    at: '2017-12-22T10:00:00Z',
    jump: -0.1,
    days: 3,
    regime: REGIMES.turbulent,
    label: 'blow-off top',
  },
  { at: '2018-01-16T14:00:00Z', jump: -0.13, days: 5, regime: REGIMES.crash, label: '2018 crash' },
  { at: '2018-02-05T18:00:00Z', jump: -0.12, days: 4, regime: REGIMES.crash, label: '2018 crash' },
  { at: '2020-03-12T10:00:00Z', jump: -0.36, days: 8, regime: REGIMES.crash, label: 'COVID crash' },
  {
    at: '2021-05-19T12:00:00Z',
    jump: -0.13,
    days: 5,
    regime: REGIMES.crash,
    label: 'China mining ban',
  },
  { at: '2022-05-09T20:00:00Z', jump: -0.08, days: 6, regime: REGIMES.crash, label: 'LUNA' },
  {
    at: '2022-06-13T02:00:00Z',
    jump: -0.13,
    days: 5,
    regime: REGIMES.crash,
    label: '3AC / Celsius',
  },
  { at: '2022-11-09T16:00:00Z', jump: -0.12, days: 5, regime: REGIMES.crash, label: 'FTX' },
  {
    at: '2024-08-05T01:00:00Z',
    jump: -0.08,
    days: 3,
    regime: REGIMES.crash,
    label: 'yen carry unwind',
  },
];

/** BTC's annualized volatility by year (real daily closes, 365-day annualization; 2025 estimated): the era level of the simulation. */
export const ERA_VOL: Readonly<Record<number, number>> = {
  2016: 0.48,
  2017: 0.9,
  2018: 0.8,
  2019: 0.67,
  2020: 0.7,
  2021: 0.8,
  2022: 0.64,
  2023: 0.43,
  2024: 0.53,
  2025: 0.45,
};

/** Annualized vol the regime mix produces with no shift (measured on long simulations). */
export const BASE_ERA_VOL = 0.8;

/**
 * The log-variance shift at unix second `t`: linear between mid-years, flat beyond the table.
 *
 * @example
 * eraShift(Date.UTC(2023, 6, 1) / 1000); // 2·ln(0.43 / 0.8) ≈ −1.24
 */
export function eraShift(t: number): number {
  const years = Object.keys(ERA_VOL).map(Number);
  const first = years[0]!;
  const last = years[years.length - 1]!;
  const date = new Date(t * 1000);
  const y = date.getUTCFullYear();
  const mid = (year: number) => Date.UTC(year, 6, 1) / 1000;
  const shiftOf = (year: number) =>
    2 * Math.log(ERA_VOL[Math.min(last, Math.max(first, year))]! / BASE_ERA_VOL);
  const y0 = t < mid(y) ? y - 1 : y;
  const w = (t - mid(y0)) / (mid(y0 + 1) - mid(y0));
  return (1 - w) * shiftOf(y0) + w * shiftOf(y0 + 1);
}
