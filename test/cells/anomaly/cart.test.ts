import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../cells/random';
import { growTree, type CartOptions, type ClassTree } from '../../../cells/anomaly/cart';
import { partition, presortColumns, weightedOrder } from '../../../cells/anomaly/presort';

const ones = (n: number) => new Int32Array(n).fill(1);

/** Weighted Gini impurity of one side, n·(1 − Σp²), from its labels. */
function impurity(labels: number[], classes: number): number {
  const counts = new Array<number>(classes).fill(0);
  for (const c of labels) counts[c]!++;
  const n = labels.length;
  return n - counts.reduce((a, c) => a + c * c, 0) / n;
}

/**
 * A brute-force CART, written from the definition: the node holds its sample as a list with
 * repeats; every midpoint between distinct sorted values of each drawn feature is tried and the
 * children's impurity computed from scratch. Features are drawn as growTree does (a partial
 * Fisher-Yates kept across nodes, preorder, left first) so the two see the same features.
 */
function referenceTree(
  x: number[][],
  y: number[],
  sample: number[],
  o: CartOptions,
  rng: Rng,
): { feature: number[]; threshold: number[]; value: number[] } {
  const out = { feature: [] as number[], threshold: [] as number[], value: [] as number[] };
  const dims = x[0]!.length;
  const features = Array.from({ length: dims }, (_, j) => j);
  const grow = (rows: number[], depth: number): void => {
    const id = out.feature.length;
    out.feature.push(-1);
    out.threshold.push(0);
    for (let c = 0; c < o.classes; c++)
      out.value.push(rows.filter((r) => y[r] === c).length / rows.length);
    const parent = impurity(
      rows.map((r) => y[r]!),
      o.classes,
    );
    if (parent === 0 || depth >= o.maxDepth || rows.length < 2 * o.minSamplesLeaf) return;
    let best = { impurity: parent, feature: -1, threshold: 0 };
    for (let a = 0; a < o.maxFeatures; a++) {
      const r = a + rng.int(dims - a);
      [features[a], features[r]] = [features[r]!, features[a]!];
      const f = features[a]!;
      const values = [...new Set(rows.map((row) => x[row]![f]!))].sort((p, q) => p - q);
      for (let k = 0; k + 1 < values.length; k++) {
        let t = (values[k]! + values[k + 1]!) / 2;
        if (t === values[k + 1]) t = values[k]!;
        const left = rows.filter((row) => x[row]![f]! <= t);
        const right = rows.filter((row) => x[row]![f]! > t);
        if (left.length < o.minSamplesLeaf || right.length < o.minSamplesLeaf) continue;
        const split =
          impurity(
            left.map((row) => y[row]!),
            o.classes,
          ) +
          impurity(
            right.map((row) => y[row]!),
            o.classes,
          );
        if (split < best.impurity - 1e-12) best = { impurity: split, feature: f, threshold: t };
      }
    }
    if (best.feature < 0) return;
    out.feature[id] = best.feature;
    out.threshold[id] = best.threshold;
    grow(
      rows.filter((row) => x[row]![best.feature]! <= best.threshold),
      depth + 1,
    );
    grow(
      rows.filter((row) => x[row]![best.feature]! > best.threshold),
      depth + 1,
    );
  };
  grow(sample, 0);
  return out;
}

const asMatrix = (x: number[][]) => ({
  rows: x.length,
  dims: x[0]!.length,
  data: Float64Array.from(x.flat()),
});

describe('growTree', () => {
  it('splits at the threshold an exhaustive search by hand finds, the first of two ties', () => {
    // x = 1..6, y = 0 0 1 0 1 1. Children's Gini n_L·G_L + n_R·G_R at each midpoint:
    // 1.5: 0 + 5(1 − (4 + 9)/25) = 2.4;  2.5: 0 + 4(1 − (1 + 9)/16) = 1.5;
    // 3.5: 3·(4/9) + 3·(4/9) = 2.667;    4.5: 4(1 − (9 + 1)/16) + 0 = 1.5;   5.5: 2.4.
    // 2.5 and 4.5 tie at 1.5; the scan keeps the first.
    const x = [[1], [2], [3], [4], [5], [6]];
    const y = Int32Array.of(0, 0, 1, 0, 1, 1);
    const options = { classes: 2, maxFeatures: 1, maxDepth: 1, minSamplesLeaf: 1 };
    const importance = new Float64Array(1);
    const tree = growTree(
      presortColumns(asMatrix(x)),
      y,
      ones(6),
      options,
      createRng(1),
      importance,
    );
    expect(tree.threshold[0]).toBe(2.5);
    expect(Array.from(tree.value)).toEqual([0.5, 0.5, 1, 0, 0.25, 0.75]);
    // Decrease 6·G − 1.5 = 6·0.5 − 1.5 = 1.5.
    expect(importance[0]).toBeCloseTo(1.5, 12);
    // A weight of 3 on row 1 (x = 2): 2.5 gives 0 + 1.5 and 4.5 gives 6(1 − (25 + 1)/36) = 1.667.
    const weighted = growTree(
      presortColumns(asMatrix(x)),
      y,
      Int32Array.of(1, 3, 1, 1, 1, 1),
      options,
      createRng(1),
      importance,
    );
    expect(weighted.threshold[0]).toBe(2.5);
    expect(Array.from(weighted.value.subarray(2))).toEqual([1, 0, 0.25, 0.75]);
  });

  it('grows the same tree as a brute-force CART on bootstrap samples, with ties in the values', () => {
    for (const [seed, options] of [
      [1, { classes: 2, maxFeatures: 2, maxDepth: Infinity, minSamplesLeaf: 1 }],
      [2, { classes: 3, maxFeatures: 3, maxDepth: Infinity, minSamplesLeaf: 1 }],
      [3, { classes: 3, maxFeatures: 1, maxDepth: 4, minSamplesLeaf: 3 }],
    ] as const) {
      const rng = createRng(seed);
      // 120 rows × 4 features, values on a coarse grid so many are tied; noisy labels.
      const x = Array.from({ length: 120 }, () =>
        Array.from({ length: 4 }, () => Math.round(rng.normal() * 3) / 2),
      );
      const y = x
        .map(([a, b]) =>
          rng.next() < 0.2 ? rng.int(options.classes) : (a! + b! > 0 ? 1 : 0) + (b! > 1 ? 1 : 0),
        )
        .map((c) => Math.min(c, options.classes - 1));
      const sample = Array.from({ length: 120 }, () => rng.int(120));
      const weights = new Int32Array(120);
      for (const row of sample) weights[row]!++;
      const tree: ClassTree = growTree(
        presortColumns(asMatrix(x)),
        Int32Array.from(y),
        weights,
        options,
        createRng(seed + 10),
        new Float64Array(4),
      );
      const reference = referenceTree(x, y, sample, options, createRng(seed + 10));
      expect(reference.feature.length).toBeGreaterThan(9);
      expect(Array.from(tree.feature)).toEqual(reference.feature);
      expect(Array.from(tree.threshold)).toEqual(reference.threshold);
      expect(Array.from(tree.value)).toEqual(reference.value.map((v) => expect.closeTo(v, 12)));
    }
  });
});

describe('presorted lists', () => {
  it('keeps each feature in order, only drawn rows, and partitions stably', () => {
    const p = presortColumns({ rows: 3, dims: 2, data: Float64Array.of(5, 0, 1, 0, 3, 0) });
    expect(Array.from(p.order)).toEqual([1, 2, 0, 0, 1, 2]); // feature 1 all tied: row order
    const out = new Int32Array(6);
    expect(weightedOrder(p, Int32Array.of(2, 0, 1), out)).toBe(2);
    expect(Array.from(out.subarray(0, 4))).toEqual([2, 0, 0, 2]);
    const list = Int32Array.of(4, 1, 3, 0);
    partition(list, 0, 4, Uint8Array.of(1, 0, 0, 1, 0), new Int32Array(4));
    expect(Array.from(list)).toEqual([3, 0, 4, 1]);
  });
});
