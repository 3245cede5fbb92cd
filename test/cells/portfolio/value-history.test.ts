/** Returns and drawdown of a recorded book value, against a series worked by hand. */
import { describe, expect, it } from 'vitest';
import { valueHistory } from '../../../cells/portfolio';

describe('valueHistory', () => {
  it('gives P&L changes, returns on the previous absolute value, and drawdown from the running peak', () => {
    // Given out of order: sorted by time first.
    const h = valueHistory([
      { t: 180, valueUsd: -400, pnlUsd: 130 },
      { t: 0, valueUsd: 1000, pnlUsd: 0 },
      { t: 60, valueUsd: 1100, pnlUsd: 100 },
      { t: 120, valueUsd: 1045, pnlUsd: 45 },
      { t: 240, valueUsd: -500, pnlUsd: 30 },
    ]);
    // changes: 0, +100, -55, +85, -100
    // returns: null, 100/1000 = 0.1, -55/1100 = -0.05, 85/1045, -100/|-400| = -0.25
    // peaks: 0, 100, 100, 130, 130 → drawdowns 0, 0, 55, 0, 100
    expect(h.steps.map((s) => s.t)).toEqual([0, 60, 120, 180, 240]);
    expect(h.steps.map((s) => s.changeUsd)).toEqual([0, 100, -55, 85, -100]);
    const returns = h.steps.map((s) => s.return);
    expect(returns[0]).toBeNull();
    expect(returns[1]).toBeCloseTo(0.1, 12);
    expect(returns[2]).toBeCloseTo(-0.05, 12);
    expect(returns[3]).toBeCloseTo(85 / 1045, 12);
    expect(returns[4]).toBeCloseTo(-0.25, 12);
    expect(h.steps.map((s) => s.drawdownUsd)).toEqual([0, 0, 55, 0, 100]);
    expect(h.maxDrawdownUsd).toBe(100);
    expect(h.maxDrawdownAt).toBe(240);
  });

  it('has no return after a zero value, and an empty series has no drawdown', () => {
    const h = valueHistory([
      { t: 0, valueUsd: 0, pnlUsd: 0 },
      { t: 1, valueUsd: 10, pnlUsd: 10 },
    ]);
    expect(h.steps[1]!.return).toBeNull();
    expect(h.maxDrawdownUsd).toBe(0);
    expect(valueHistory([])).toEqual({ steps: [], maxDrawdownUsd: 0, maxDrawdownAt: null });
  });
});
