import { describe, expect, it } from 'vitest';
import { createRng } from '../../cells/random';

describe('createRng', () => {
  it('repeats its stream for the same seed and differs across seeds', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
  });

  it('draws uniforms with mean 1/2 and variance 1/12', () => {
    const rng = createRng(1);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    expect(outside).toBe(0);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sumSq / n - mean * mean).toBeCloseTo(1 / 12, 3);
  });

  it('draws normals with unit variance and Student-t with variance nu/(nu-2)', () => {
    const rng = createRng(2);
    const n = 200_000;
    let normalSq = 0;
    let tSq = 0;
    for (let i = 0; i < n; i++) {
      normalSq += rng.normal() ** 2;
      tSq += rng.studentT(6) ** 2;
    }
    expect(normalSq / n).toBeCloseTo(1, 1);
    expect(tSq / n).toBeCloseTo(6 / 4, 1);
  });

  it('draws gamma variates with mean equal to the shape', () => {
    const rng = createRng(3);
    for (const shape of [0.5, 2, 9]) {
      let sum = 0;
      for (let i = 0; i < 50_000; i++) sum += rng.gamma(shape);
      expect(sum / 50_000).toBeCloseTo(shape, 1);
    }
  });

  it('rejects a non-integer range', () => {
    expect(() => createRng(1).int(2.5)).toThrow(/invalid n/);
  });
});
