/**
 * Max pain of one expiry: the settlement price, among the listed strikes, at which the options open now would
 * pay their holders the least in total (calls max(S − K, 0), puts max(K − S, 0), each times open interest).
 *
 * @example
 * maxPain([{strike: 100, type: 'call', openInterest: 10}, {strike: 100, type: 'put', openInterest: 10},
 *          {strike: 90, type: 'call', openInterest: 5}, {strike: 110, type: 'put', openInterest: 5}]); // {strike: 100, payout: 100}
 */
export interface OpenInterestEntry {
  strike: number;
  type: 'call' | 'put';
  openInterest: number;
}

export interface MaxPain {
  /** The strike with the least total payout; null without open interest. */
  strike: number | null;
  /** Total payout (coin or USD per unit, as the strikes) at that strike. */
  payout: number;
}

/** Total payout to holders if the expiry settled at `S`. */
export function payoutAt(entries: readonly OpenInterestEntry[], S: number): number {
  let sum = 0;
  for (const e of entries)
    if (e.openInterest > 0)
      sum += e.openInterest * Math.max(e.type === 'call' ? S - e.strike : e.strike - S, 0);
  return sum;
}

/** The max-pain strike (ties: the lowest strike). */
export function maxPain(entries: readonly OpenInterestEntry[]): MaxPain {
  const strikes = [...new Set(entries.filter((e) => e.openInterest > 0).map((e) => e.strike))].sort(
    (a, b) => a - b,
  );
  let best: MaxPain = { strike: null, payout: NaN };
  for (const K of strikes) {
    const p = payoutAt(entries, K);
    if (best.strike === null || p < best.payout) best = { strike: K, payout: p };
  }
  return best;
}
