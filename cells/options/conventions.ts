/**
 * Deribit's conventions: options expire at 08:00 UTC, time is ACT/365 in years, and option prices are quoted in
 * the coin: mark_price = Black-76 USD price / F at σ = mark_iv / 100, with F the option's underlying_price.
 *
 * @example
 * const T = yearFraction(Date.UTC(2025, 2, 1), expiryMs('28MAR25')); // 27.33 days / 365
 * markPriceCoin(100_000, 110_000, 30 / 365, 55, 'call'); // 0.0276467 BTC
 */
import { black76Price, type OptionType } from './black76';
import { MONTH_CODES } from './instruments';
import { MS_PER_YEAR } from '../time';

export { MS_PER_DAY, MS_PER_YEAR } from '../time';

/** ACT/365 years from a timestamp to an expiry (both ms since epoch); 0 once expired. */
export function yearFraction(timestampMs: number, expiryMs: number): number {
  if (!Number.isFinite(timestampMs) || !Number.isFinite(expiryMs)) return NaN;
  return Math.max(expiryMs - timestampMs, 0) / MS_PER_YEAR;
}

/**
 * Expiry in ms at 08:00 UTC from a Deribit date code ('28MAR25', '7JUN24'), an ISO date ('2025-03-28', taken at
 * 08:00 UTC; a full ISO timestamp is used as is), a Date (its UTC day at 08:00) or ms (returned unchanged).
 */
export function expiryMs(expiry: string | number | Date): number {
  if (typeof expiry === 'number') {
    if (!Number.isFinite(expiry)) throw new RangeError(`invalid expiry: ${expiry}`);
    return expiry;
  }
  if (expiry instanceof Date) {
    return Date.UTC(expiry.getUTCFullYear(), expiry.getUTCMonth(), expiry.getUTCDate(), 8);
  }
  const code = /^(\d{1,2})([A-Z]{3})(\d{2})$/.exec(expiry.toUpperCase());
  if (code) {
    const month = MONTH_CODES.indexOf(code[2] as (typeof MONTH_CODES)[number]);
    if (month < 0) throw new RangeError(`invalid expiry: ${expiry}`);
    return Date.UTC(2000 + Number(code[3]), month, Number(code[1]), 8);
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(expiry);
  if (day) return Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 8);
  const ms = Date.parse(expiry);
  if (Number.isNaN(ms)) throw new RangeError(`invalid expiry: ${expiry}`);
  return ms;
}

/** Deribit's mark price in coin: Black-76 USD price / F at σ = markIv / 100 (markIv in percent). */
export function markPriceCoin(
  F: number,
  K: number,
  T: number,
  markIv: number,
  type: OptionType,
): number {
  return black76Price(F, K, T, markIv / 100, type) / F;
}

/** A coin-quoted option price in USD at the forward F. */
export const coinToUsd = (priceCoin: number, F: number): number => priceCoin * F;

/** A USD option price in coin at the forward F. */
export const usdToCoin = (priceUsd: number, F: number): number => priceUsd / F;
