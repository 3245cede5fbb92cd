import { describe, expect, it } from 'vitest';
import { createRng } from '../../../cells/random';
import { REGIME_RATES, stepRegime, type Regime } from '../../../server/simulator/regime';

/** Stationary distribution of the 3-state generator: π Q = 0, Σπ = 1, solved by Cramer's rule by hand. */
function stationary(): number[] {
  const q = REGIME_RATES.map((row, i) =>
    row.map((r, j) => (i === j ? -row.reduce((a, b) => a + b, 0) : r)),
  );
  // Columns 0 and 1 of πQ = 0 plus π0 + π1 + π2 = 1.
  const a = [
    [q[0]![0]!, q[1]![0]!, q[2]![0]!],
    [q[0]![1]!, q[1]![1]!, q[2]![1]!],
    [1, 1, 1],
  ];
  const det = (m: number[][]) =>
    m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
    m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
    m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const d = det(a);
  return [0, 1, 2].map(
    (j) => det(a.map((row, i) => row.map((x, k) => (k === j ? (i === 2 ? 1 : 0) : x)))) / d,
  );
}

describe('the regime chain', () => {
  it('spends time in each regime as its stationary distribution says', () => {
    const pi = stationary();
    const rng = createRng(11);
    const counts = [0, 0, 0];
    let r: Regime = 0;
    const n = 400_000;
    for (let i = 0; i < n; i++) {
      r = stepRegime(r, 0.25, rng);
      counts[r]!++;
    }
    for (let j = 0; j < 3; j++) expect(counts[j]! / n).toBeCloseTo(pi[j]!, 1);
    expect(pi[0]).toBeGreaterThan(0.6);
    expect(pi[2]).toBeLessThan(0.05);
  });

  it('holds a crash for about 5 days on average (exit rate 1/30 + 1/6.5 per day)', () => {
    const rng = createRng(12);
    let total = 0;
    const runs = 4000;
    for (let i = 0; i < runs; i++) {
      let r: Regime = 2;
      let days = 0;
      while (r === 2) {
        r = stepRegime(r, 0.01, rng);
        days += 0.01;
      }
      total += days;
    }
    expect(total / runs).toBeCloseTo(1 / (1 / 30 + 1 / 6.5), 0);
  });
});
