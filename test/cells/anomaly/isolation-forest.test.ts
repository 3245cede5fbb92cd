import { describe, expect, it } from 'vitest';
import { createRng } from '../../../cells/random';
import { isolationForest } from '../../../cells/anomaly/isolation-forest';
import { auc } from '../../../cells/anomaly/metrics';
import { averagePathLength } from '../../../cells/anomaly/path-length';

describe('averagePathLength', () => {
  it('follows c(n) = 2H(n − 1) − 2(n − 1)/n with H(i) ≈ ln i + 0.5772156649', () => {
    // c(256) = 2(ln 255 + 0.5772156649) − 2·255/256 = 2·6.1184792 − 1.9921875 = 10.2447709
    expect(averagePathLength(256)).toBeCloseTo(10.2447709, 6);
    // c(3) = 2(ln 2 + γ) − 4/3 = 2·1.2703628 − 1.3333333 = 1.2073923
    expect(averagePathLength(3)).toBeCloseTo(1.2073923, 6);
    expect(averagePathLength(2)).toBe(1);
    expect(averagePathLength(1)).toBe(0);
  });
});

/**
 * 2,000 points: a 5-D standard normal blob with 1% (20) planted far points, each coordinate
 * ±(5..8)σ.
 */
function blob(seed: number) {
  const rng = createRng(seed);
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const row = Float64Array.from({ length: 5 }, () => rng.normal());
    const outlier = i % 100 === 17;
    if (outlier)
      for (let j = 0; j < 5; j++) row[j] = (rng.next() < 0.5 ? -1 : 1) * (5 + 3 * rng.next());
    rows.push(row);
    labels.push(outlier ? 1 : 0);
  }
  return { rows, labels };
}

describe('isolationForest', () => {
  const { rows, labels } = blob(3);
  const forest = isolationForest(rows, { trees: 100, sampleSize: 256, seed: 1 });
  const scores = forest.score(rows);

  it('scores in [0, 1] and ranks planted outliers highest (AUC > 0.95)', () => {
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
    expect(auc(scores, labels)).toBeGreaterThan(0.95);
    let top = 0;
    const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]!);
    for (const i of order.slice(0, 20)) top += labels[i]!;
    expect(top).toBeGreaterThanOrEqual(19);
    // Points in the blob score below 0.5 on average, as the paper describes for normal data.
    const inliers = scores.filter((_, i) => !labels[i]);
    expect(inliers.reduce((a, b) => a + b, 0) / inliers.length).toBeLessThan(0.5);
  });

  it('still separates points that are far on one axis only (AUC > 0.95)', () => {
    const rng = createRng(6);
    const one = rows.map((r, i) => {
      const row = Float64Array.from(r);
      if (labels[i]) {
        for (let j = 0; j < 5; j++) row[j] = rng.normal();
        row[rng.int(5)] += 8;
      }
      return row;
    });
    const s = isolationForest(one, { seed: 1 }).score(one);
    expect(auc(s, labels)).toBeGreaterThan(0.95);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(isolationForest(rows, { seed: 1 }).score(rows)).toEqual(scores);
    expect(isolationForest(rows, { seed: 2 }).score(rows)).not.toEqual(scores);
  });

  it('reads a flat Float64Array with {dims} the same as rows', () => {
    const flat = new Float64Array(rows.length * 5);
    rows.forEach((r, i) => flat.set(r, i * 5));
    const f2 = isolationForest(flat, { dims: 5, seed: 1 });
    expect(f2.score(flat)).toEqual(scores);
    expect(() => isolationForest(flat, { seed: 1 })).toThrow(/invalid dims/);
  });

  it('scores exactly 0.5 where no split is possible, and 2^(−1/c(2)) = 0.5 for two points', () => {
    // Identical rows: the root is a leaf holding ψ points, h = c(ψ), s = 2^(−c(ψ)/c(ψ)) = 0.5.
    const same = Array.from({ length: 50 }, () => [1, 2]);
    expect(isolationForest(same, { seed: 1 }).score([[1, 2]])[0]).toBeCloseTo(0.5, 14);
    // Two distinct points, ψ = 2: one split, both at depth 1 in leaves of size 1: h = 1 = c(2).
    const two = isolationForest([[0], [1]], { seed: 1 });
    expect(Array.from(two.score([[0], [1]]))).toEqual([0.5, 0.5]); // 2^(−1/1)
    expect(Array.from(two.pathLength([[0], [1]]))).toEqual([1, 1]);
  });

  it('never grows deeper than ceil(log2 ψ)', () => {
    // With ψ = 16 the limit is 4; a leaf at the limit adds c(size) ≤ c(16).
    const small = isolationForest(rows, { sampleSize: 16, trees: 20, seed: 5 });
    const h = small.pathLength(rows);
    expect(Math.max(...h)).toBeLessThanOrEqual(4 + averagePathLength(16));
    const { left, roots, heights } = small.pool;
    const depth = (node: number): number =>
      left[node] === node ? 0 : 1 + Math.max(depth(left[node]!), depth(left[node]! + 1));
    roots.forEach((root, t) => {
      expect(depth(root)).toBeLessThanOrEqual(4);
      expect(heights[t]).toBe(depth(root));
    });
  });

  it('gives the path lengths of a hand-worked tree on three points', () => {
    // ψ = 3, height limit ceil(log2 3) = 2. The root splits 1-D points {0, 1, 10} at p in (0, 10):
    // p ≤ 1 isolates 0 at depth 1 and splits {1, 10} again (both at depth 2); p > 1 isolates 10
    // at depth 1 and {0, 1} at depth 2. A query at 5 follows p, then (when p ≤ 1) the second
    // split q in (1, 10) to a leaf of one point at depth 2 either way. A query at p itself goes
    // right (x < p goes left): to {1} under q at depth 2 when p ≤ 1, else to {10} at depth 1.
    const points = [[0], [1], [10]];
    const cases = new Set<boolean>();
    for (let seed = 1; seed <= 12; seed++) {
      const forest = isolationForest(points, { trees: 1, sampleSize: 3, seed });
      const p = forest.pool.threshold[forest.pool.roots[0]!]!;
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(10);
      cases.add(p <= 1);
      const expected = p <= 1 ? [1, 2, 2, 2, 2] : [2, 2, 1, p <= 5 ? 1 : 2, 1];
      const query = [...points, [5], [p]];
      expect(Array.from(forest.pathLength(query))).toEqual(expected);
      const c3 = 2 * (Math.log(2) + 0.5772156649) - 4 / 3;
      const s = forest.score(query);
      expected.forEach((h, i) => expect(s[i]).toBeCloseTo(Math.pow(2, -h / c3), 14));
    }
    expect(cases).toEqual(new Set([true, false])); // the seeds reach both shapes
  });

  it('adds c(size) at a leaf that holds several equal points', () => {
    // {0, 0, 0, 5}: the root splits 5 off (depth 1); {0, 0, 0} cannot split: 1 + c(3).
    const forest = isolationForest([[0], [0], [0], [5]], { trees: 3, seed: 2 });
    const h = forest.pathLength([[0], [5], [-3], [7]]);
    expect(Array.from(h)).toEqual([1 + averagePathLength(3), 1, 1 + averagePathLength(3), 1]);
  });

  it('scores every row as a plain walk of the stored trees does, across row blocks', () => {
    // 1,037 rows: several blocks of 512 and a tail that is not a multiple of the 8 interleaved walks.
    const small = isolationForest(rows, { sampleSize: 64, trees: 7, seed: 9 });
    const query = rows.slice(0, 1037);
    const { feature, threshold, left, pathLength, roots } = small.pool;
    const walk = (row: Float64Array, node: number): number =>
      left[node] === node
        ? pathLength[node]!
        : walk(row, row[feature[node]!]! < threshold[node]! ? left[node]! : left[node]! + 1);
    const h = small.pathLength(query);
    query.forEach((row, i) => {
      const mean = Array.from(roots, (root) => walk(row, root)).reduce((a, b) => a + b, 0) / 7;
      expect(h[i]).toBeCloseTo(mean, 12);
    });
  });

  it('validates its input', () => {
    expect(() => isolationForest(rows, { trees: 0 })).toThrow(/invalid trees/);
    expect(() => isolationForest([[1], [NaN]])).toThrow(/NaN/);
    expect(() => forest.score([[1, 2]])).toThrow(/invalid dims/);
  });
});
