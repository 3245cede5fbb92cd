import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../time';
/** A resampling period: a calendar unit (UTC) or a fixed length in milliseconds. */
export type Every = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | number;

/**
 * Start (ms since epoch, UTC) of the period holding `t`. Weeks start on Monday (ISO 8601); a
 * numeric `every` cuts fixed bins aligned to the epoch.
 *
 * @example
 * periodStart(Date.UTC(2024, 0, 3, 15), 'week'); // Date.UTC(2024, 0, 1), a Monday
 */
export function periodStart(t: number, every: Every): number {
  switch (every) {
    case 'minute':
      return Math.floor(t / MS_PER_MINUTE) * MS_PER_MINUTE;
    case 'hour':
      return Math.floor(t / MS_PER_HOUR) * MS_PER_HOUR;
    case 'day':
      return Math.floor(t / MS_PER_DAY) * MS_PER_DAY;
    case 'week': {
      const d = Math.floor(t / MS_PER_DAY);
      // 1970-01-01 was a Thursday: (d + 3) mod 7 counts days since Monday.
      return (d - ((((d + 3) % 7) + 7) % 7)) * MS_PER_DAY;
    }
    case 'month':
    case 'quarter':
    case 'year': {
      const date = new Date(t);
      const y = date.getUTCFullYear();
      const m = date.getUTCMonth();
      if (every === 'year') return Date.UTC(y, 0, 1);
      return Date.UTC(y, every === 'quarter' ? m - (m % 3) : m, 1);
    }
    default:
      return Math.floor(t / every) * every;
  }
}

/** Validates `every`; throws on anything else. */
export function maybeEvery(every: unknown): Every {
  if (typeof every === 'number') {
    if (every > 0 && Number.isFinite(every)) return every;
  } else if (
    every === 'minute' ||
    every === 'hour' ||
    every === 'day' ||
    every === 'week' ||
    every === 'month' ||
    every === 'quarter' ||
    every === 'year'
  ) {
    return every;
  }
  throw new RangeError(`invalid every: ${String(every)}`);
}
