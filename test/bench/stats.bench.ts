/**
 * `cells/stats` descriptive statistics against simple-statistics 7.12.1 (the product's package list names it),
 * on the same data, to decide where the package could replace our code at no cost in speed. Each pair runs ours
 * first, then the package's equivalent with what it needs to give our result (our functions take typed arrays
 * and skip NaN; the package takes number[] and does not skip NaN).
 */
import * as ss from 'simple-statistics';
import { createRng } from '../../cells/random';
import { mad, mean, median, quantile, std, variance } from '../../cells/stats';
import type { BenchCase, BenchSuite } from './harness';

const N = 100_000;
const WINDOWS = 2_000;
const W = 30;
const DAILY = 3_650; // ten years of daily bars
const rng = createRng(7);
const big = Float64Array.from({ length: N }, () => 0.02 * rng.normal());
const daily = big.slice(0, DAILY);
const windows = Array.from({ length: WINDOWS }, () =>
  Float64Array.from({ length: W }, () => 0.02 * rng.normal()),
);

/** Our typed arrays as the package's number[] (it only reads `length` and indices; no copy). */
const asArray = (x: Float64Array): number[] => x as unknown as number[];
const finite = (x: Float64Array): number[] => Array.from(x).filter((v) => !Number.isNaN(v));

let sink = 0;
const pair = (
  what: string,
  ours: (x: Float64Array) => number,
  theirs: (x: Float64Array) => number,
): BenchCase[] => [
  {
    name: `${what}, 100,000 values: cells/stats`,
    items: { count: N, unit: 'values' },
    run: () => void (sink += ours(big)),
  },
  {
    name: `${what}, 100,000 values: simple-statistics`,
    items: { count: N, unit: 'values' },
    run: () => void (sink += theirs(big)),
  },
  {
    name: `${what}, 3,650 values: cells/stats`,
    items: { count: DAILY, unit: 'values' },
    run: () => void (sink += ours(daily)),
  },
  {
    name: `${what}, 3,650 values: simple-statistics`,
    items: { count: DAILY, unit: 'values' },
    run: () => void (sink += theirs(daily)),
  },
  {
    name: `${what}, 2,000 windows of 30: cells/stats`,
    items: { count: WINDOWS, unit: 'windows' },
    run: () => windows.forEach((w) => void (sink += ours(w))),
  },
  {
    name: `${what}, 2,000 windows of 30: simple-statistics`,
    items: { count: WINDOWS, unit: 'windows' },
    run: () => windows.forEach((w) => void (sink += theirs(w))),
  },
];

export const suite: BenchSuite = {
  name: 'stats',
  cases: [
    ...pair('mean', mean, (x) => ss.mean(asArray(x))),
    ...pair(
      'sample variance',
      (x) => variance(x),
      (x) => ss.sampleVariance(asArray(x)),
    ),
    ...pair(
      'sample std',
      (x) => std(x),
      (x) => ss.sampleStandardDeviation(asArray(x)),
    ),
    ...pair('median, skipping NaN', median, (x) => ss.median(finite(x))),
    ...pair('median of a number[] without NaN', median, (x) => ss.median(asArray(x))),
    ...pair(
      '0.9 quantile (ours: type 7; theirs: a different rule)',
      (x) => quantile(x, 0.9),
      (x) => ss.quantile(asArray(x), 0.9),
    ),
    ...pair('median absolute deviation, skipping NaN', mad, (x) =>
      ss.medianAbsoluteDeviation(finite(x)),
    ),
  ],
  // The results feed `sink` so no call is optimised away; every input is finite, so a NaN means a broken case.
  teardown: () => {
    if (Number.isNaN(sink)) throw new Error('a statistic came out NaN');
  },
};
