import { describe, expect, it } from 'vitest';
import { kmedoids } from '../../../cells/cluster';
import { createRng } from '../../../cells/random';

function condensedFrom(points: number[][]): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++)
      out.push(Math.hypot(points[i]![0]! - points[j]![0]!, points[i]![1]! - points[j]![1]!));
  }
  return Float64Array.from(out);
}

/** Exhaustive best medoid set: the reference for small n. */
function bruteForce(points: number[][], k: number): number {
  const n = points.length;
  const dist = (i: number, j: number) =>
    Math.hypot(points[i]![0]! - points[j]![0]!, points[i]![1]! - points[j]![1]!);
  let best = Infinity;
  const choose = (start: number, chosen: number[]): void => {
    if (chosen.length === k) {
      let cost = 0;
      for (let i = 0; i < n; i++) cost += Math.min(...chosen.map((m) => dist(i, m)));
      best = Math.min(best, cost);
      return;
    }
    for (let m = start; m < n; m++) choose(m + 1, [...chosen, m]);
  };
  choose(0, []);
  return best;
}

describe('kmedoids', () => {
  const rng = createRng(12);
  const points = Array.from({ length: 16 }, (_, i) => [(i % 3) * 5 + rng.normal(), rng.normal()]);
  const d = condensedFrom(points);

  it('PAM reaches the exhaustive optimum on 16 points, k = 3', () => {
    const result = kmedoids(d, 3);
    expect(result.cost).toBeCloseTo(bruteForce(points, 3), 10);
    result.medoids.forEach((m, c) => expect(result.labels[m]).toBe(c));
  });

  it('the alternating method gives a consistent local optimum no better than PAM', () => {
    const pam = kmedoids(d, 3);
    const alt = kmedoids(d, 3, { method: 'alternate', seed: 4 });
    expect(alt.cost).toBeGreaterThanOrEqual(pam.cost - 1e-9);
    expect(new Set(alt.medoids).size).toBe(3);
    // At convergence each medoid minimises the distance sum within its cluster.
    const dist = (i: number, j: number) =>
      Math.hypot(points[i]![0]! - points[j]![0]!, points[i]![1]! - points[j]![1]!);
    alt.medoids.forEach((m, c) => {
      const members = points.map((_, i) => i).filter((i) => alt.labels[i] === c);
      const sum = (x: number) => members.reduce((s, j) => s + dist(x, j), 0);
      for (const other of members) expect(sum(m)).toBeLessThanOrEqual(sum(other) + 1e-9);
    });
  });

  it('handles k = 1 (the overall medoid) and validates k', () => {
    expect(kmedoids(d, 1).cost).toBeCloseTo(bruteForce(points, 1), 10);
    expect(() => kmedoids(d, 0)).toThrow(/invalid k/);
  });
});
