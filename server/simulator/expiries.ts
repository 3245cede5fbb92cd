import { MS_PER_DAY, MS_PER_HOUR } from '../../cells/time';
/**
 * Deribit's expiry calendar: every expiry at 08:00 UTC; dailies for the next three days, Friday weeklies,
 * last-Friday-of-the-month monthlies, and last-Friday-of-the-quarter quarterlies out to about a year.
 */
const EXPIRY_HOUR_MS = 8 * MS_PER_HOUR;

/** 08:00 UTC on the given UTC calendar day. */
function at8(year: number, month: number, day: number): number {
  return Date.UTC(year, month, day) + EXPIRY_HOUR_MS;
}

/** Last Friday of a month (month may overflow into later years), at 08:00 UTC. */
export function lastFriday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  const back = (last.getUTCDay() - 5 + 7) % 7;
  return at8(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate() - back);
}

/**
 * Expiries (ms, ascending) listed at time `t` (ms): those strictly after `t`.
 *
 * @example
 * listExpiries(Date.UTC(2025, 0, 6, 8)).length; // 12
 */
export function listExpiries(t: number): number[] {
  if (!Number.isFinite(t)) throw new RangeError(`invalid t: ${t}`);
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const today = at8(y, m, d.getUTCDate());
  const set = new Set<number>();
  for (let i = 0; i <= 3; i++) set.add(today + i * MS_PER_DAY);
  const firstFriday = today + ((5 - d.getUTCDay() + 7) % 7) * MS_PER_DAY;
  for (let i = 0; i < 4; i++) set.add(firstFriday + i * 7 * MS_PER_DAY);
  const monthlies = [0, 1, 2, 3].map((i) => lastFriday(y, m + i)).filter((e) => e > t);
  for (const e of monthlies.slice(0, 3)) set.add(e);
  let quarterlies = 0;
  for (let i = 0; i < 15 && quarterlies < 4; i++) {
    if ((m + i) % 3 !== 2) continue;
    const e = lastFriday(y, m + i);
    if (e <= t || set.has(e)) continue;
    if (e - t > 60 * MS_PER_DAY) {
      set.add(e);
      quarterlies++;
    }
  }
  return [...set].filter((e) => e > t).sort((a, b) => a - b);
}
