import { describe, expect, it } from 'vitest';
import { dtw, envelope, lbKeogh } from '../../../cells/cluster';
import { createRng } from '../../../cells/random';

function bruteEnvelope(x: Float64Array, w: number): { upper: number[]; lower: number[] } {
  const upper: number[] = [];
  const lower: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const slice = Array.from(x.subarray(Math.max(0, i - w), Math.min(x.length, i + w + 1)));
    upper.push(Math.max(...slice));
    lower.push(Math.min(...slice));
  }
  return { upper, lower };
}

describe('envelope', () => {
  it('computes a hand-worked example', () => {
    const { upper, lower } = envelope([1, 3, 2, 0], 1);
    expect(Array.from(upper)).toEqual([3, 3, 3, 2]);
    expect(Array.from(lower)).toEqual([1, 1, 0, 0]);
  });

  it("matches brute-force window min/max (Lemire's deques)", () => {
    const rng = createRng(4);
    for (const w of [0, 1, 3, 10, 60]) {
      const x = Float64Array.from({ length: 50 }, () => Math.round(rng.normal() * 3) + 0); // with ties (+ 0 turns −0 into 0)
      const brute = bruteEnvelope(x, w);
      const fast = envelope(x, w);
      expect(Array.from(fast.upper)).toEqual(brute.upper);
      expect(Array.from(fast.lower)).toEqual(brute.lower);
    }
  });
});

describe('lbKeogh', () => {
  it('is zero for a query inside the envelope and counts the excess outside it', () => {
    const env = { upper: Float64Array.of(1, 1, 1), lower: Float64Array.of(0, 0, 0) };
    expect(lbKeogh([0.5, 1, 0], env)).toBe(0);
    expect(lbKeogh([2, 0.5, -2], env)).toBeCloseTo(Math.sqrt(1 + 4), 15);
    expect(lbKeogh([2, 0.5, -2], env, 'absolute')).toBe(3);
  });

  it('never exceeds DTW with the same band (seeded property test)', () => {
    const rng = createRng(99);
    for (let trial = 0; trial < 300; trial++) {
      const n = 8 + rng.int(40);
      const window = rng.next() < 0.5 ? rng.int(n) : rng.next();
      let u = 0;
      let v = 0;
      const q = Float64Array.from({ length: n }, () => (u += rng.normal()));
      const c = Float64Array.from({ length: n }, () => (v += rng.normal()));
      for (const cost of ['squared', 'absolute'] as const) {
        const bound = lbKeogh(q, envelope(c, window), cost);
        expect(bound).toBeLessThanOrEqual(dtw(q, c, { window, cost }) + 1e-9);
      }
    }
  });
});
