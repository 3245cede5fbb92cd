/**
 * Value at risk and expected shortfall by historical simulation: the book fully revalued (sticky moneyness)
 * under each stored daily move of its underlyings, one day ahead, with vols unchanged or, given each day's
 * change of implied vol (e.g. of DVOL), moved by that day's change as a parallel shift. Books in different
 * currencies take the same day's moves of their own underlying, so BTC and ETH keep their joint history.
 */
import { addPnl } from './revalue';
import type { RiskBook } from './risk-book';

export interface VarResult {
  /** Loss not exceeded with probability `confidence`, USD (positive is a loss). */
  var: number;
  /** Mean loss beyond it, USD. */
  es: number;
  confidence: number;
  /** Scenarios used. */
  n: number;
}

/**
 * VaR and ES of P&L samples: the loss at the ⌈n(1 − c)⌉-th worst sample and the mean of those worst samples.
 *
 * @example
 * tailRisk(Float64Array.of(-5, -1, 0, 2, 3), 0.8); // → { var: 5, es: 5, confidence: 0.8, n: 5 }
 */
export function tailRisk(pnl: Float64Array, confidence: number): VarResult {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`invalid confidence: ${confidence}`);
  const sorted = Float64Array.from(pnl).sort();
  const n = sorted.length;
  if (n === 0) return { var: NaN, es: NaN, confidence, n };
  const k = Math.max(1, Math.ceil(n * (1 - confidence) - 1e-9));
  let tail = 0;
  for (let i = 0; i < k; i++) tail += sorted[i]!;
  return { var: -sorted[k - 1]!, es: -tail / k, confidence, n };
}

/**
 * The P&L of each day's scenario: `returns[b][d]` is day d's log return of book b's underlying, and
 * `volChanges[b][d]`, when given, the same day's change of its implied vol (a fraction: 0.02 = +2 points).
 *
 * @example
 * const p = { instrument_name: 'BTC-PERPETUAL', instrument: { kind: 'perpetual', currency: 'BTC' }, amount: 10_000, avgPrice: 50_000, realizedPnl: 0, fees: 0, fills: 1 };
 * const book = vol.portfolio.riskBook([vol.portfolio.markPosition(p, { price: 50_000, index: 50_000, timestamp: 0 }, 0)], 'BTC', 0);
 * historicalPnl([book], [Float64Array.of(Math.log(1.1))])[0]; // → 1000
 */
export function historicalPnl(
  books: readonly RiskBook[],
  returns: readonly Float64Array[],
  horizonDays = 1,
  volChanges?: readonly Float64Array[],
): Float64Array {
  if (books.length !== returns.length) throw new RangeError('one return series per book');
  if (volChanges && volChanges.length !== books.length)
    throw new RangeError('one vol change series per book');
  const days = returns[0]?.length ?? 0;
  if ([...returns, ...(volChanges ?? [])].some((r) => r.length !== days))
    throw new RangeError('return and vol change series differ in length');
  const pnl = new Float64Array(days);
  books.forEach((book, b) => addPnl(book, returns[b]!, volChanges?.[b] ?? 0, horizonDays, pnl));
  return pnl;
}

/**
 * 1-day VaR and ES (default 99%) by historical simulation with full revaluation; with `volChanges`, each
 * scenario also moves implied vol by the same day's change.
 *
 * @example
 * const p = { instrument_name: 'BTC-PERPETUAL', instrument: { kind: 'perpetual', currency: 'BTC' }, amount: 10_000, avgPrice: 50_000, realizedPnl: 0, fees: 0, fills: 1 };
 * const book = vol.portfolio.riskBook([vol.portfolio.markPosition(p, { price: 50_000, index: 50_000, timestamp: 0 }, 0)], 'BTC', 0);
 * historicalVar([book], [Float64Array.of(Math.log(0.9), 0, 0.01)], 0.9).var; // → 1000
 */
export function historicalVar(
  books: readonly RiskBook[],
  returns: readonly Float64Array[],
  confidence = 0.99,
  volChanges?: readonly Float64Array[],
): VarResult {
  return tailRisk(historicalPnl(books, returns, 1, volChanges), confidence);
}
