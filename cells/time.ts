/**
 * Time units, named with their unit so a product reads correctly: timestamps in this project are milliseconds
 * since the epoch (JS, DuckDB `epoch_ms`, Deribit), the simulator steps in seconds, and option time is ACT/365
 * years (Deribit's convention).
 *
 * @example
 * const t = Date.UTC(2025, 0, 2, 13, 45);
 * Math.floor(t / MS_PER_HOUR) * MS_PER_HOUR === Date.UTC(2025, 0, 2, 13); // → true
 * (7 * SECONDS_PER_DAY) / SECONDS_PER_HOUR; // → 168
 */

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;
/** ACT/365: a year is 365 days, as Deribit prices options. */
export const MS_PER_YEAR = 365 * MS_PER_DAY;

export const SECONDS_PER_MINUTE = 60;
export const SECONDS_PER_HOUR = 60 * SECONDS_PER_MINUTE;
export const SECONDS_PER_DAY = 24 * SECONDS_PER_HOUR;
