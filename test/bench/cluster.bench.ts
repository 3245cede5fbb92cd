/**
 * Cluster benchmarks, single thread: the DTW matrix kernel the web splits across workers (rate in DP cells
 * inside the Sakoe–Chiba band), hierarchical linkage and PAM on the result.
 */
import {
  bandWidth,
  dtwMatrix,
  kmedoids,
  linkage,
  splitRows,
  zNormalize,
} from '../../cells/cluster';
import { createRng } from '../../cells/random';
import type { BenchSuite } from './harness';

const n = 200;
const length = 252;
const rng = createRng(7);
const series = Array.from({ length: n }, () => {
  let v = 0;
  return zNormalize(Float64Array.from({ length }, () => (v += rng.normal())));
});
const w = bandWidth(length, length, 0.1);
let cellsPerPair = 0;
for (let i = 1; i <= length; i++) cellsPerPair += Math.min(length, i + w) - Math.max(1, i - w) + 1;
const pairs = (n * (n - 1)) / 2;
const distances = dtwMatrix(series, { window: 0.1 });
const [firstHalf] = splitRows(n, 2);

const big = 1000;
const bigDistances = Float64Array.from({ length: (big * (big - 1)) / 2 }, () => rng.next());

export const suite: BenchSuite = {
  name: 'cluster',
  cases: [
    {
      name: `DTW matrix 200 × 252, 10% band (${w} cells), band cells`,
      runs: 3,
      goal: '>= 250 M/s on one thread',
      items: { count: pairs * cellsPerPair, unit: 'cells' },
      run: () => void dtwMatrix(series, { window: 0.1 }),
    },
    {
      name: '  same, plain JS kernel (the fallback without wasm SIMD)',
      runs: 3,
      items: { count: pairs * cellsPerPair, unit: 'cells' },
      run: () => void dtwMatrix(series, { window: 0.1, engine: 'js' }),
    },
    {
      name: 'DTW matrix rows of worker 1 of 2 (splitRows), band cells',
      runs: 3,
      items: {
        count: ((firstHalf![1] * (2 * n - firstHalf![1] - 1)) / 2) * cellsPerPair,
        unit: 'cells',
      },
      run: () => void dtwMatrix(series, { window: 0.1, rows: firstHalf }),
    },
    { name: 'linkage average, 200 items', runs: 10, run: () => void linkage(distances, 'average') },
    { name: 'linkage ward, 1,000 items', runs: 3, run: () => void linkage(bigDistances, 'ward') },
    { name: 'k-medoids PAM k = 5, 200 items', runs: 5, run: () => void kmedoids(distances, 5) },
  ],
};
