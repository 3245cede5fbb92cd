import { describe, expect, it } from 'vitest';
import { createRng } from '../../../cells/random';
import { rollingVol } from '../../../cells/series/rolling';

/** A seeded random walk of OHLC bars with overnight gaps. */
function randomBars(n: number, seed: number) {
  const rng = createRng(seed);
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  let prev = 30_000;
  for (let i = 0; i < n; i++) {
    const o = prev * Math.exp(0.005 * rng.normal());
    const c = o * Math.exp(0.03 * rng.normal());
    open[i] = o;
    close[i] = c;
    high[i] = Math.max(o, c) * Math.exp(0.01 * Math.abs(rng.normal()));
    low[i] = Math.min(o, c) * Math.exp(-0.01 * Math.abs(rng.normal()));
    prev = c;
  }
  return { open, high, low, close };
}

const svar = (x: number[]) => {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  return x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1);
};
const avg = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;

/** Direct (two-pass, per window) computation of each estimator over bars lo..hi. */
function direct(b: ReturnType<typeof randomBars>, est: string, lo: number, hi: number): number {
  const idx = Array.from({ length: hi - lo + 1 }, (_, j) => lo + j);
  const ln = Math.log;
  const rs = idx.map(
    (i) =>
      ln(b.high[i]! / b.close[i]!) * ln(b.high[i]! / b.open[i]!) +
      ln(b.low[i]! / b.close[i]!) * ln(b.low[i]! / b.open[i]!),
  );
  const n = idx.length;
  switch (est) {
    case 'close':
      return Math.sqrt(svar(idx.map((i) => ln(b.close[i]! / b.close[i - 1]!))));
    case 'parkinson':
      return Math.sqrt(avg(idx.map((i) => ln(b.high[i]! / b.low[i]!) ** 2)) / (4 * Math.LN2));
    case 'garmanKlass':
      return Math.sqrt(
        avg(
          idx.map(
            (i) =>
              0.5 * ln(b.high[i]! / b.low[i]!) ** 2 -
              (2 * Math.LN2 - 1) * ln(b.close[i]! / b.open[i]!) ** 2,
          ),
        ),
      );
    case 'rogersSatchell':
      return Math.sqrt(avg(rs));
    default: {
      const k = 0.34 / (1.34 + (n + 1) / (n - 1));
      const so = svar(idx.map((i) => ln(b.open[i]! / b.close[i - 1]!)));
      const sc = svar(idx.map((i) => ln(b.close[i]! / b.open[i]!)));
      return Math.sqrt(so + k * sc + (1 - k) * avg(rs));
    }
  }
}

describe('rollingVol', () => {
  const bars = randomBars(400, 11);
  const window = 20;

  it.each([
    ['close', 1],
    ['parkinson', 0],
    ['garmanKlass', 0],
    ['rogersSatchell', 0],
    ['yangZhang', 1],
  ] as const)('matches a direct per-window computation for %s', (estimator, lookback) => {
    const out = rollingVol(bars, { estimator, window, annualize: false });
    expect(out.length).toBe(400);
    const firstFull = window - 1 + lookback;
    for (let i = 0; i < firstFull; i++) expect(Number.isNaN(out[i])).toBe(true);
    for (let i = firstFull; i < 400; i++) {
      const expected = direct(bars, estimator, i - window + 1, i);
      expect(Math.abs(out[i]! - expected)).toBeLessThan(1e-12 + 1e-9 * expected);
    }
  });

  it('annualizes by √365 by default', () => {
    const daily = rollingVol(bars, { estimator: 'yangZhang', window, annualize: false });
    const yearly = rollingVol(bars, { estimator: 'yangZhang', window });
    expect(yearly[399]! / daily[399]!).toBeCloseTo(Math.sqrt(365), 12);
  });

  it('recovers the vol of a simulated Brownian path within discretization and sampling error', () => {
    // 2,000 days; overnight σ 0.5%, intraday σ 3% walked in 400 steps so high and low are path
    // extremes. True daily σ = √(0.005² + 0.03²) ≈ 3.04%; discrete monitoring shrinks the range a
    // little, so allow 5%.
    const rng = createRng(5);
    const n = 2000;
    const b = {
      open: new Float64Array(n),
      high: new Float64Array(n),
      low: new Float64Array(n),
      close: new Float64Array(n),
    };
    let x = 0;
    for (let i = 0; i < n; i++) {
      x += 0.005 * rng.normal();
      let hi = x;
      let lo = x;
      b.open[i] = Math.exp(x);
      for (let s = 0; s < 400; s++) {
        x += (0.03 / 20) * rng.normal();
        if (x > hi) hi = x;
        if (x < lo) lo = x;
      }
      b.high[i] = Math.exp(hi);
      b.low[i] = Math.exp(lo);
      b.close[i] = Math.exp(x);
    }
    const truth = Math.sqrt(0.005 ** 2 + 0.03 ** 2);
    const yz = rollingVol(b, { estimator: 'yangZhang', window: n - 1, annualize: false })[n - 1]!;
    const cc = rollingVol(b, { estimator: 'close', window: n - 1, annualize: false })[n - 1]!;
    const pk = rollingVol(b, { estimator: 'parkinson', window: n, annualize: false })[n - 1]!;
    expect(Math.abs(yz / truth - 1)).toBeLessThan(0.05);
    expect(Math.abs(cc / truth - 1)).toBeLessThan(0.05);
    expect(Math.abs(pk / 0.03 - 1)).toBeLessThan(0.05); // Parkinson sees the intraday part only
  });

  it('rejects a bad window', () => {
    expect(() => rollingVol(bars, { window: 0 })).toThrow(/invalid window/);
    expect(() => rollingVol(bars, { window: 2.5 })).toThrow(/invalid window/);
  });
});
