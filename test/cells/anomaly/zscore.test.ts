import { describe, expect, it } from 'vitest';
import { createRng } from '../../../cells/random';
import { rollingZScore, zScore } from '../../../cells/anomaly/zscore';

const x = [1, 2, 3, 4, 100];

describe('rollingZScore', () => {
  it('gives (x − mean) / sample std over the window including x', () => {
    // t = 4, window 5: mean 22; deviations −21, −20, −19, −18, 78; Σd² = 7610; s² = 7610/4
    const z = rollingZScore(x, { window: 5 });
    expect(z[4]).toBeCloseTo(78 / Math.sqrt(1902.5), 12);
    expect(z.slice(0, 4).every(Number.isNaN)).toBe(true);
    // t = 2, window 3: [1, 2, 3], mean 2, s = 1 → z = 1
    expect(rollingZScore(x, { window: 3 })[2]).toBeCloseTo(1, 14);
  });

  it('compares x with the previous values only when includeCurrent is false', () => {
    // t = 3, window 3: [1, 2, 3] → (4 − 2) / 1 = 2; t = 4: [2, 3, 4] → (100 − 3) / 1 = 97
    const z = rollingZScore(x, { window: 3, includeCurrent: false });
    expect(Number.isNaN(z[2])).toBe(true);
    expect(z[3]).toBeCloseTo(2, 14);
    expect(z[4]).toBeCloseTo(97, 12);
  });

  it('gives (x − median) / (1.4826 · MAD) when robust', () => {
    // window 5 at t = 4: median 3; |x − 3| = 2, 1, 0, 1, 97 → MAD 1 → 97 / 1.4826 = 65.4256
    expect(rollingZScore(x, { window: 5, robust: true })[4]).toBeCloseTo(97 / 1.4826, 12);
    // window 4 at t = 3: [1, 2, 3, 4] median 2.5, deviations 1.5, 0.5, 0.5, 1.5 → MAD 1
    // window 4 at t = 4: [2, 3, 4, 100] median 3.5, deviations 1.5, 0.5, 0.5, 96.5 → MAD 1
    const z = rollingZScore(x, { window: 4, robust: true });
    expect(z[3]).toBeCloseTo(1.5 / 1.4826, 12);
    expect(z[4]).toBeCloseTo(96.5 / 1.4826, 12);
  });

  it('matches a sort-per-window median and MAD on data with ties and NaN', () => {
    const rng = createRng(4);
    const data = Array.from({ length: 300 }, (_, i) =>
      i % 37 === 5 ? NaN : Math.round(rng.normal() * 3),
    );
    const w = 12;
    const z = rollingZScore(data, { window: w, robust: true, includeCurrent: false });
    const med = (v: number[]) => {
      const s = [...v].sort((a, b) => a - b);
      const h = s.length >> 1;
      return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
    };
    for (let t = w; t < 300; t++) {
      const win = data.slice(t - w, t).filter((v) => !Number.isNaN(v));
      const m = med(win);
      const expected = (data[t]! - m) / (1.4826 * med(win.map((v) => Math.abs(v - m))));
      if (Number.isNaN(expected)) expect(Number.isNaN(z[t])).toBe(true);
      else expect(z[t]).toBe(expected);
    }
  });

  it('rejects windows below 2', () => {
    expect(() => rollingZScore(x, { window: 1 })).toThrow(/invalid window/);
  });
});

describe('zScore', () => {
  it('scores against the whole series, plain or robust', () => {
    expect(zScore(x)[4]).toBeCloseTo(78 / Math.sqrt(1902.5), 12);
    expect(zScore(x, { robust: true })[0]).toBeCloseTo(-2 / 1.4826, 12);
  });
});
