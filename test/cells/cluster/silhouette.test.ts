import { describe, expect, it } from 'vitest';
import {
  chooseKBySilhouette,
  elbow,
  fcluster,
  kmeans,
  linkage,
  silhouette,
} from '../../../cells/cluster';
import { reference } from './reference';

describe('silhouette', () => {
  it('matches the reference (sklearn definition) on the scipy fixture', () => {
    const { labels, values, mean } = reference.silhouette;
    const s = silhouette(reference.condensed, labels);
    values.forEach((v, i) => expect(s.values[i]).toBeCloseTo(v, 12));
    expect(s.mean).toBeCloseTo(mean, 12);
  });

  it('works out a 4-point line by hand', () => {
    // Points 0, 1, 3, 7 with clusters {0,1} {3,7}: s(0) = (5 − 1)/5, s(1) = (4 − 1)/4, s(3) = (2.5 − 4)/4, s(7) = (6.5 − 4)/6.5.
    const s = silhouette([1, 3, 7, 2, 6, 4], [0, 0, 1, 1]);
    [4 / 5, 3 / 4, -1.5 / 4, 2.5 / 6.5].forEach((v, i) => expect(s.values[i]).toBeCloseTo(v, 14));
  });

  it('scores singletons 0 and rejects a single cluster', () => {
    expect(silhouette([1, 3, 2], [0, 0, 1]).values[2]).toBe(0);
    expect(() => silhouette([1, 3, 2], [0, 0, 0])).toThrow(/cluster count/);
  });
});

describe('choosing k', () => {
  it('picks three clusters for three blobs by silhouette', () => {
    const d = reference.condensed;
    const scan = chooseKBySilhouette(d, [2, 3, 4, 5, 6], (k) => fcluster(linkage(d, 'average'), k));
    expect(scan.k).toBe(3);
    expect(scan.scores.length).toBe(5);
  });

  it('finds the elbow of an inertia curve', () => {
    expect(elbow([1, 2, 3, 4, 5, 6], [100, 40, 12, 10, 9, 8.5]).k).toBe(3);
    const inertias = [1, 2, 3, 4, 5, 6].map(
      (k) => kmeans(reference.points, k, { seed: 1 }).inertia,
    );
    expect(elbow([1, 2, 3, 4, 5, 6], inertias).k).toBe(3);
  });
});
