import { describe, expect, it } from 'vitest';
import { createRng } from '../../../cells/random';
import { auc } from '../../../cells/anomaly/metrics';
import { randomForest } from '../../../cells/anomaly/random-forest';

/** 600 rows × 5 features; only feature 0 carries the label (x0 > 0.3). */
function events(seed: number, margin: number) {
  const rng = createRng(seed);
  const rows: number[][] = [];
  const labels: boolean[] = [];
  for (let i = 0; i < 600; i++) {
    const row = Array.from({ length: 5 }, () => rng.normal());
    const y = row[0]! > 0.3;
    if (margin) row[0] += y ? margin : -margin;
    rows.push(row);
    labels.push(y);
  }
  return { rows, labels };
}

describe('randomForest', () => {
  const { rows, labels } = events(1, 0.5);
  const rf = randomForest(rows, labels, { trees: 60, seed: 1 });

  it('has out-of-bag error near 0 on separable data', () => {
    expect(rf.oobError).toBeLessThan(0.02);
    expect(rf.classes).toBe(2);
  });

  it('concentrates importance (mean decrease in impurity) on the informative feature', () => {
    expect(rf.featureImportance.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(rf.featureImportance[0]).toBeGreaterThan(0.5);
    for (let j = 1; j < 5; j++)
      expect(rf.featureImportance[j]!).toBeLessThan(rf.featureImportance[0]! / 4);
  });

  it('predicts probabilities that sum to one and separate fresh data', () => {
    const test = events(2, 0.5);
    const [p0, p1] = rf.predictProba(test.rows);
    for (let i = 0; i < p0!.length; i++) expect(p0![i]! + p1![i]!).toBeCloseTo(1, 12);
    expect(auc(p1!, test.labels)).toBeGreaterThan(0.99);
    const pred = rf.predict(test.rows);
    const acc =
      pred.reduce((a, c, i) => a + (c === Number(test.labels[i]) ? 1 : 0), 0) / pred.length;
    expect(acc).toBeGreaterThan(0.97);
  });

  it('has an out-of-bag error near chance when labels are noise', () => {
    const rng = createRng(8);
    const noise = rows.map(() => rng.next() < 0.5);
    expect(randomForest(rows, noise, { trees: 60, seed: 1 }).oobError).toBeGreaterThan(0.35);
  });

  it('handles several classes and is deterministic for a seed', () => {
    const y = rows.map((r) => (r[1]! < -0.5 ? 0 : r[1]! < 0.5 ? 1 : 2));
    const a = randomForest(rows, y, { trees: 30, seed: 4, maxFeatures: 5 });
    const b = randomForest(rows, y, { trees: 30, seed: 4, maxFeatures: 5 });
    expect(a.classes).toBe(3);
    expect(a.oobError).toBe(b.oobError);
    expect(a.oobError).toBeLessThan(0.03);
    expect(a.featureImportance[1]).toBeGreaterThan(0.9);
  });

  it('validates labels and options', () => {
    expect(() => randomForest(rows, labels.slice(1))).toThrow(/length mismatch/);
    expect(() => randomForest([[1], [2]], [0, 1.5])).toThrow(/invalid label/);
    expect(() => randomForest(rows, labels, { maxFeatures: 6 })).toThrow(/invalid maxFeatures/);
    expect(() => randomForest([[1], [NaN]], [0, 1])).toThrow(/NaN in row 1/);
  });
});
