import { describe, expect, it } from 'vitest';
import { createRng } from '../../../cells/random';
import { solveInner, type InnerSums } from '../../../cells/surface/svi-inner';
import { solveInnerReference } from './svi-inner-reference';

interface Slice {
  y: Float64Array;
  v: Float64Array;
  w: Float64Array;
}

/** A seeded slice in the inner problem's coordinates: y = (k − m)/σ, total variances v, weights w. */
function randomSlice(rng: ReturnType<typeof createRng>, n: number): Slice {
  const y = Float64Array.from({ length: n }, () => -4 + 8 * rng.next());
  // Half the slices are SVI-shaped plus noise, half arbitrary: the latter push the minimum onto the boundary.
  const shaped = rng.next() < 0.5;
  const [a, d, c] = [0.02 * rng.next(), 0.1 * (rng.next() - 0.5), 0.1 * rng.next()];
  const v = Float64Array.from(y, (yi) =>
    shaped
      ? a + d * yi + c * Math.sqrt(yi * yi + 1) + 0.002 * rng.normal()
      : 0.2 * rng.next() - 0.05,
  );
  const w = Float64Array.from(y, () => 0.1 + rng.next());
  return { y, v, w };
}

function sumsOf({ y, v, w }: Slice): InnerSums {
  const s: InnerSums = {
    s1: 0,
    sy: 0,
    sz: 0,
    syy: 0,
    syz: 0,
    szz: 0,
    sv: 0,
    syv: 0,
    szv: 0,
    svv: 0,
  };
  for (let i = 0; i < y.length; i++) {
    const z = Math.sqrt(y[i]! * y[i]! + 1);
    s.s1 += w[i]!;
    s.sy += w[i]! * y[i]!;
    s.sz += w[i]! * z;
    s.syy += w[i]! * y[i]! * y[i]!;
    s.syz += w[i]! * y[i]! * z;
    s.szz += w[i]! * z * z;
    s.sv += w[i]! * v[i]!;
    s.syv += w[i]! * y[i]! * v[i]!;
    s.szv += w[i]! * z * v[i]!;
    s.svv += w[i]! * v[i]! * v[i]!;
  }
  return s;
}

/** Σw(v − a − d·y − c·√(y²+1))², straight from the data. */
function sse({ y, v, w }: Slice, a: number, d: number, c: number): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const r = v[i]! - a - d * y[i]! - c * Math.sqrt(y[i]! * y[i]! + 1);
    total += w[i]! * r * r;
  }
  return total;
}

describe('solveInner (quasi-explicit SVI inner step)', () => {
  it('matches the generic face enumeration and no feasible point does better (seeded)', () => {
    const rng = createRng(2026);
    let boundary = 0;
    for (let trial = 0; trial < 400; trial++) {
      const slice = randomSlice(rng, 5 + Math.floor(rng.next() * 60));
      const cMax = 0.01 + 0.2 * rng.next();
      const aHi = 0.05 + 0.1 * rng.next();
      const s = sumsOf(slice);
      const got = { ...solveInner(s, cMax, 0, aHi) };
      const ref = { ...solveInnerReference(s, cMax, 0, aHi) };
      const scale = Math.max(cMax, aHi);
      expect(Math.abs(got.a - ref.a)).toBeLessThan(1e-9 * scale);
      expect(Math.abs(got.d - ref.d)).toBeLessThan(1e-9 * scale);
      expect(Math.abs(got.c - ref.c)).toBeLessThan(1e-9 * scale);
      expect(Math.abs(got.sse - ref.sse)).toBeLessThan(1e-10 * s.svv);
      // Feasible: 0 ≤ a ≤ aHi, |d| ≤ c, |d| ≤ cMax − c.
      expect(got.a).toBeGreaterThanOrEqual(0);
      expect(got.a).toBeLessThanOrEqual(aHi);
      expect(Math.abs(got.d)).toBeLessThanOrEqual(Math.min(got.c, cMax - got.c) + 1e-15);
      // The reported SSE is the data's, and random feasible points never beat it.
      expect(Math.abs(sse(slice, got.a, got.d, got.c) - got.sse)).toBeLessThan(1e-9 * s.svv);
      for (let j = 0; j < 50; j++) {
        const c = cMax * rng.next();
        const d = (2 * rng.next() - 1) * Math.min(c, cMax - c);
        const a = aHi * rng.next();
        expect(sse(slice, a, d, c)).toBeGreaterThanOrEqual(got.sse - 1e-12 * s.svv);
      }
      const onBoundary =
        got.a === 0 ||
        got.a === aHi ||
        Math.abs(Math.abs(got.d) - Math.min(got.c, cMax - got.c)) < 1e-12;
      if (onBoundary) boundary++;
    }
    // Both kinds of minimum are exercised: interior (the unconstrained solve) and on faces, edges, vertices.
    expect(boundary).toBeGreaterThan(50);
    expect(boundary).toBeLessThan(350);
  });
});
