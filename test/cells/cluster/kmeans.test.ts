import { describe, expect, it } from 'vitest';
import { kmeans } from '../../../cells/cluster';
import { createRng } from '../../../cells/random';

function blobs(seed: number): { points: number[][]; truth: number[] } {
  const rng = createRng(seed);
  const centres = [
    [0, 0],
    [6, 0],
    [0, 6],
  ];
  const points: number[][] = [];
  const truth: number[] = [];
  centres.forEach((c, k) => {
    for (let i = 0; i < 30; i++) {
      points.push([c[0]! + rng.normal(), c[1]! + rng.normal()]);
      truth.push(k);
    }
  });
  return { points, truth };
}

describe('kmeans', () => {
  it('recovers three separated blobs (up to label permutation)', () => {
    const { points, truth } = blobs(1);
    const { labels } = kmeans(points, 3, { seed: 3 });
    const mapping = new Map<number, number>();
    truth.forEach((t, i) => mapping.set(t, labels[i]!));
    expect(new Set(mapping.values()).size).toBe(3);
    truth.forEach((t, i) => expect(labels[i]).toBe(mapping.get(t)));
  });

  it('returns centroids that are the means of their members, and the matching inertia', () => {
    const { points } = blobs(2);
    const { labels, centroids, inertia } = kmeans(points, 3, { seed: 1 });
    let total = 0;
    for (let k = 0; k < 3; k++) {
      const members = points.filter((_, i) => labels[i] === k);
      const mean = [0, 1].map((d) => members.reduce((s, p) => s + p[d]!, 0) / members.length);
      expect(centroids[2 * k]).toBeCloseTo(mean[0]!, 10);
      expect(centroids[2 * k + 1]).toBeCloseTo(mean[1]!, 10);
      total += members.reduce((s, p) => s + (p[0]! - mean[0]!) ** 2 + (p[1]! - mean[1]!) ** 2, 0);
    }
    expect(inertia).toBeCloseTo(total, 8);
  });

  it('finds the optimum of a 1-D toy problem by hand', () => {
    // {0, 1, 10, 11}: best 2-split is {0,1} | {10,11}, inertia 4 × 0.25 = 1.
    const r = kmeans([[0], [1], [10], [11]], 2, { seed: 0 });
    expect(r.inertia).toBeCloseTo(1, 14);
    expect(r.labels[0]).toBe(r.labels[1]);
    expect(r.labels[2]).toBe(r.labels[3]);
  });

  it('is reproducible for a seed', () => {
    const { points } = blobs(3);
    expect(Array.from(kmeans(points, 4, { seed: 5 }).labels)).toEqual(
      Array.from(kmeans(points, 4, { seed: 5 }).labels),
    );
  });

  it('validates k and dimensions', () => {
    expect(() => kmeans([[1], [2]], 3)).toThrow(/invalid k/);
    expect(() => kmeans([[1], [2, 3]], 1)).toThrow(/dimension/);
  });
});
