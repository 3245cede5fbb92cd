import { describe, expect, it } from 'vitest';
import { dendrogram, fcluster, linkage, linkageMethods } from '../../../cells/cluster';
import { reference } from './reference';

describe('linkage', () => {
  it.each(linkageMethods)('matches scipy.cluster.hierarchy.linkage (%s)', (method) => {
    const z = linkage(reference.condensed, method);
    const expected = reference.linkage[method].flat();
    expect(z.length).toBe(expected.length);
    for (let i = 0; i < z.length; i++) expect(z[i]).toBeCloseTo(expected[i]!, 12);
  });

  it('merges a hand-worked 4-point line', () => {
    // Points 0, 1, 3, 7 on a line: pdist = [1, 3, 7, 2, 6, 4].
    const d = [1, 3, 7, 2, 6, 4];
    expect(Array.from(linkage(d, 'single'))).toEqual([0, 1, 1, 2, 2, 4, 2, 3, 3, 5, 4, 4]);
    expect(Array.from(linkage(d, 'complete'))).toEqual([0, 1, 1, 2, 2, 4, 3, 3, 3, 5, 7, 4]);
    // average: d({0,1}, 3) = (3 + 2) / 2 = 2.5, then d({0,1,3}, 7) = (7 + 6 + 4) / 3.
    const avg = linkage(d, 'average');
    expect(avg[6]).toBe(2.5);
    expect(avg[10]).toBeCloseTo(17 / 3, 15);
  });

  it('rejects negative distances and bad lengths', () => {
    expect(() => linkage([1, -1, 2])).toThrow(/invalid distance/);
    expect(() => linkage([1, 2])).toThrow(/invalid condensed length/);
  });
});

describe('fcluster and dendrogram', () => {
  it.each(linkageMethods)("labels like scipy's fcluster(Z, 3, 'maxclust') − 1 (%s)", (method) => {
    expect(Array.from(fcluster(linkage(reference.condensed, method), 3))).toEqual(
      reference.fcluster3[method],
    );
  });

  it('gives one cluster for k = 1 and singletons for k = n', () => {
    const z = linkage(reference.condensed, 'ward');
    expect(new Set(fcluster(z, 1)).size).toBe(1);
    expect(new Set(fcluster(z, 14)).size).toBe(14);
  });

  it("lays out scipy's dendrogram leaves and ∩ coordinates", () => {
    const layout = dendrogram(linkage(reference.condensed, 'average'));
    const ref = reference.dendrogramAverage;
    expect(Array.from(layout.leaves)).toEqual(ref.leaves);
    // scipy draws leaves at 5, 15, 25, …; compare as sets of ∩ shapes since its link order differs.
    const ours = new Set<string>();
    for (let r = 0; r < layout.segmentsX.length / 4; r++) {
      const xs = Array.from(layout.segmentsX.subarray(4 * r, 4 * r + 4), (x) =>
        (5 + 10 * x).toFixed(6),
      );
      const ys = Array.from(layout.segmentsY.subarray(4 * r, 4 * r + 4), (y) => y.toFixed(9));
      ours.add([...xs, ...ys].join());
    }
    const theirs = new Set(
      ref.icoord.map((xs, r) =>
        [...xs.map((x) => x.toFixed(6)), ...ref.dcoord[r]!.map((y) => y.toFixed(9))].join(),
      ),
    );
    expect(ours).toEqual(theirs);
  });
});
