/** Numbers on the portfolio page: fixed decimals with thousands separators, `–` for a missing figure. */

/** @example fmt(1234.5) // '1,234.50'; fmt(null) // '–' */
export const fmt = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined || !Number.isFinite(x)
    ? '–'
    : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
