/**
 * Returns and drawdown of a book's recorded value. A book of options and futures has no invested capital (a
 * short option book's value is negative), so performance is measured on its P&L: each step's change in P&L, that
 * change as a fraction of the book's absolute value before it (null when that value is zero), and the drawdown:
 * how far the P&L is below its running peak, in USD (never negative).
 */

export interface ValuePoint {
  /** ms since the epoch. */
  t: number;
  valueUsd: number;
  /** Realized plus unrealized P&L. */
  pnlUsd: number;
}

export interface ValueStep extends ValuePoint {
  /** P&L change since the previous point (0 for the first). */
  changeUsd: number;
  /** `changeUsd / |previous valueUsd|`; null for the first point or after a zero value. */
  return: number | null;
  /** Running peak P&L minus this P&L. */
  drawdownUsd: number;
}

export interface ValueHistory {
  steps: ValueStep[];
  /** The largest drawdown over the series, and when it bottomed (null when the series is empty). */
  maxDrawdownUsd: number;
  maxDrawdownAt: number | null;
}

/**
 * @example
 * const h = valueHistory([
 *   { t: 0, valueUsd: 1000, pnlUsd: 0 },
 *   { t: 60_000, valueUsd: 1100, pnlUsd: 100 },
 *   { t: 120_000, valueUsd: 1045, pnlUsd: 45 },
 * ]);
 * h.steps[2].return; // → -0.05: a 55 USD loss on 1100
 * h.maxDrawdownUsd; // → 55
 */
export function valueHistory(points: readonly ValuePoint[]): ValueHistory {
  const sorted = [...points].sort((a, b) => a.t - b.t);
  let peak = -Infinity;
  let maxDrawdownUsd = 0;
  let maxDrawdownAt: number | null = sorted.length > 0 ? sorted[0]!.t : null;
  const steps = sorted.map((p, i): ValueStep => {
    const before = i > 0 ? sorted[i - 1]! : null;
    const changeUsd = before ? p.pnlUsd - before.pnlUsd : 0;
    peak = Math.max(peak, p.pnlUsd);
    const drawdownUsd = peak - p.pnlUsd;
    if (drawdownUsd > maxDrawdownUsd) {
      maxDrawdownUsd = drawdownUsd;
      maxDrawdownAt = p.t;
    }
    return {
      ...p,
      changeUsd,
      return: before && before.valueUsd !== 0 ? changeUsd / Math.abs(before.valueUsd) : null,
      drawdownUsd,
    };
  });
  return { steps, maxDrawdownUsd, maxDrawdownAt };
}
