import { createRng } from '../../cells/random';
import { isolationForest } from '../../cells/anomaly/isolation-forest';
import { randomForest } from '../../cells/anomaly/random-forest';
import { rollingZScore } from '../../cells/anomaly/zscore';
import type { BenchSuite } from './harness';

const N = 100_000;
const D = 10;
const rng = createRng(1);
const flat = Float64Array.from({ length: N * D }, () => rng.normal());
const series = Float64Array.from({ length: N }, () => rng.normal());
const rfRows = Float64Array.from({ length: 5000 * D }, () => rng.normal());
const rfLabels = Array.from({ length: 5000 }, (_, i) =>
  rfRows[i * D]! + 0.5 * rfRows[i * D + 1]! > 0 ? 1 : 0,
);

export const suite: BenchSuite = {
  name: 'anomaly',
  cases: [
    {
      name: 'isolation forest fit + score, 100,000 × 10, 100 trees',
      goal: '< 0.5 s',
      items: { count: N, unit: 'rows' },
      run: () => void isolationForest(flat, { dims: D, trees: 100, seed: 1 }).score(flat),
    },
    {
      name: 'rolling robust z-score (median/MAD), 100,000 values, window 60',
      items: { count: N, unit: 'values' },
      run: () => void rollingZScore(series, { window: 60, robust: true }),
    },
    {
      name: 'random forest fit, 5,000 × 10, 100 trees',
      runs: 3,
      run: () => void randomForest(rfRows, rfLabels, { dims: D, trees: 100, seed: 1 }),
    },
  ],
};
