/**
 * Deribit-like strike grids: round-number strikes spanning a few standard deviations around the forward, a
 * fine step near the money and a coarser step in the wings; short expiries get ~12–20 strikes, quarterlies
 * ~40–50 (a real Deribit BTC chain, January 2026: ~620 options over 12 expiries).
 */
const NICE = [1, 2, 2.5, 5] as const;

/** The smallest "nice" number (1, 2, 2.5, 5 × 10ⁿ) at or above `x`. */
export function niceStep(x: number): number {
  if (!(x > 0)) throw new RangeError(`invalid step: ${x}`);
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of NICE) if (m * p >= x * (1 - 1e-12)) return m * p;
  return 10 * p;
}

/**
 * Strikes (ascending) for forward `F`, ATM vol `vol` and `years` to expiry.
 *
 * @example
 * strikeGrid(95_000, 0.45, 2 / 365); // 89000, 90000, …, 101000 (step 1000)
 */
export function strikeGrid(F: number, vol: number, years: number): number[] {
  if (!(F > 0 && vol > 0 && years > 0))
    throw new RangeError(`invalid grid: ${F}, ${vol}, ${years}`);
  const sd = Math.max(vol * Math.sqrt(years), 0.02);
  const inner = niceStep((F * sd) / 7);
  const outer = niceStep(inner * 2.5);
  const lo = F * Math.exp(-Math.min(3.5 * sd, 2.3));
  const hi = F * Math.exp(Math.min(4.5 * sd, 1.6));
  const innerLo = F * Math.exp(-1.6 * sd);
  const innerHi = F * Math.exp(1.6 * sd);
  const out = new Set<number>();
  for (let k = Math.ceil(innerLo / inner) * inner; k <= innerHi; k += inner) out.add(round(k));
  for (let k = Math.ceil(lo / outer) * outer; k <= hi; k += outer) if (k > 0) out.add(round(k));
  return [...out].filter((k) => k > 0).sort((a, b) => a - b);
}

function round(x: number): number {
  return Math.round(x * 1e8) / 1e8;
}
