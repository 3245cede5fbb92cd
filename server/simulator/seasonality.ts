import { SECONDS_PER_DAY } from '../../cells/time';
/**
 * Intraday seasonality of crypto trading by UTC hour: activity peaks around the US open (14–16 UTC) and is
 * lowest in the late Asian night. Both profiles average exactly 1 over a day, so daily figures are unchanged.
 */
const TWO_PI = 2 * Math.PI;

/** Variance multiplier for UTC hour `h` (fractional hours allowed). */
export function varianceSeasonality(h: number): number {
  return 1 + 0.3 * Math.cos((TWO_PI * (h - 15)) / 24);
}

/** Volume multiplier for UTC hour `h`. */
export function volumeSeasonality(h: number): number {
  return 1 + 0.45 * Math.cos((TWO_PI * (h - 15)) / 24);
}

/**
 * Mean variance multiplier over a step of `dtSeconds` starting at unix second `t`: the profile at the step's
 * midpoint for sub-daily steps, 1 for a day or more.
 */
export function stepSeasonality(t: number, dtSeconds: number): number {
  if (dtSeconds >= SECONDS_PER_DAY) return 1;
  const mid = t + dtSeconds / 2;
  const hour = ((mid % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY;
  return varianceSeasonality(hour / 3600);
}
