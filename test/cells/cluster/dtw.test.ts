import { describe, expect, it } from 'vitest';
import { bandWidth, dtw, zNormalize } from '../../../cells/cluster';
import { createRng } from '../../../cells/random';
import { reference } from './reference';

describe('dtw', () => {
  it('is zero when one series only repeats points of the other', () => {
    expect(dtw([0, 1, 2], [0, 1, 1, 2])).toBe(0);
    expect(dtw([0, 0, 1, 1, 2], [0, 1, 2])).toBe(0);
  });

  it('matches a hand-worked 3 × 3 example', () => {
    // a = [1, 2, 3], b = [2, 2, 4]: squared costs
    //   [1 1 9]        accumulated [1  2 11]
    //   [0 0 4]   →                [1  1  5]
    //   [1 1 1]                    [2  2  2]
    expect(dtw([1, 2, 3], [2, 2, 4])).toBeCloseTo(Math.sqrt(2), 15);
    // Absolute cost: [1 1 3 / 0 0 2 / 1 1 1] → accumulated end 2.
    expect(dtw([1, 2, 3], [2, 2, 4], { cost: 'absolute' })).toBe(2);
  });

  it('equals Euclidean distance with a zero-width band on equal lengths', () => {
    const a = [1, 4, 2, 8];
    const b = [2, 1, 3, 5];
    expect(dtw(a, b, { window: 0 })).toBeCloseTo(Math.sqrt(1 + 9 + 1 + 9), 15);
  });

  it('matches the numpy full DP, banded and unbanded', () => {
    const { a, b, full, band6, band4 } = reference.dtw;
    expect(dtw(a, b)).toBeCloseTo(full, 12);
    expect(dtw(a, b, { window: 6 })).toBeCloseTo(band6, 12);
    expect(dtw(a, b, { window: 4 })).toBeCloseTo(band4, 12);
    // A band narrower than |n − m| = 4 is widened to it.
    expect(dtw(a, b, { window: 1 })).toBeCloseTo(band4, 12);
  });

  it('gives the unbanded result once the window covers everything', () => {
    const rng = createRng(8);
    for (let trial = 0; trial < 20; trial++) {
      const a = Float64Array.from({ length: 10 + rng.int(20) }, () => rng.normal());
      const b = Float64Array.from({ length: 10 + rng.int(20) }, () => rng.normal());
      expect(dtw(a, b, { window: Math.max(a.length, b.length) })).toBe(dtw(a, b));
      expect(dtw(a, b, { window: 0.999 })).toBe(dtw(a, b));
    }
  });

  it('never decreases as the band narrows', () => {
    const { a, b } = reference.dtw;
    let last = 0;
    for (const w of [30, 20, 12, 8, 6, 5, 4]) {
      const d = dtw(a, b, { window: w });
      expect(d).toBeGreaterThanOrEqual(last - 1e-12);
      last = d;
    }
  });

  it('abandons early only when the distance exceeds the cutoff', () => {
    const { a, b, full } = reference.dtw;
    expect(dtw(a, b, { cutoff: full * 0.5 })).toBe(Infinity);
    expect(dtw(a, b, { cutoff: full * 1.0001 })).toBeCloseTo(full, 12);
  });

  it('reads a window in (0, 1) as a fraction of the longer length, rounded up', () => {
    expect(bandWidth(252, 252, 0.1)).toBe(26);
    expect(bandWidth(100, 90, 0.05)).toBe(10);
    expect(bandWidth(100, 100, 3)).toBe(3);
    expect(() => bandWidth(10, 10, -1)).toThrow(/invalid window/);
  });
});

describe('zNormalize', () => {
  it('gives mean 0 and population std 1, and zeros for a constant series', () => {
    const z = zNormalize([1, 2, 3]);
    expect(z[0]).toBeCloseTo(-Math.sqrt(1.5), 14);
    expect(z[1]).toBe(0);
    expect(Array.from(zNormalize([5, 5, 5]))).toEqual([0, 0, 0]);
  });
});
