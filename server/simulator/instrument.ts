/** Deribit instrument names: `BTC-27DEC24-60000-C` (day without a leading zero, decimals written with `d`). */
const MONTHS = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
] as const;

/** `27DEC24` for an expiry timestamp (ms). */
export function expiryCode(expiryMs: number): string {
  const d = new Date(expiryMs);
  if (Number.isNaN(d.getTime())) throw new RangeError(`invalid expiry: ${expiryMs}`);
  return `${d.getUTCDate()}${MONTHS[d.getUTCMonth()]}${String(d.getUTCFullYear() % 100).padStart(2, '0')}`;
}

/**
 * @example
 * instrumentName('BTC', Date.UTC(2024, 11, 27, 8), 60000, 'call'); // 'BTC-27DEC24-60000-C'
 */
export function instrumentName(
  currency: string,
  expiryMs: number,
  strike: number,
  type: 'call' | 'put',
): string {
  if (!(strike > 0)) throw new RangeError(`invalid strike: ${strike}`);
  return `${currency}-${expiryCode(expiryMs)}-${String(strike).replace('.', 'd')}-${type === 'call' ? 'C' : 'P'}`;
}
