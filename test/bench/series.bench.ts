import { createRng } from '../../cells/random';
import { logReturns } from '../../cells/series/returns';
import { rollingVol } from '../../cells/series/rolling';
import { volCone } from '../../cells/series/cone';
import type { BenchSuite } from './harness';

const N = 100_000;
const rng = createRng(1);
const open = new Float64Array(N);
const high = new Float64Array(N);
const low = new Float64Array(N);
const close = new Float64Array(N);
let prev = 30_000;
for (let i = 0; i < N; i++) {
  open[i] = prev * Math.exp(0.002 * rng.normal());
  close[i] = open[i]! * Math.exp(0.02 * rng.normal());
  high[i] = Math.max(open[i]!, close[i]!) * Math.exp(0.005 * Math.abs(rng.normal()));
  low[i] = Math.min(open[i]!, close[i]!) * Math.exp(-0.005 * Math.abs(rng.normal()));
  prev = close[i]!;
}
const bars = { open, high, low, close };
const returns = logReturns(close);

export const suite: BenchSuite = {
  name: 'series',
  cases: [
    {
      name: 'rolling Yang-Zhang, 100,000 bars, window 30',
      items: { count: N, unit: 'bars' },
      run: () => void rollingVol(bars, { estimator: 'yangZhang', window: 30 }),
    },
    {
      name: 'rolling close-to-close, 100,000 bars, window 30',
      items: { count: N, unit: 'bars' },
      run: () => void rollingVol(bars, { estimator: 'close', window: 30 }),
    },
    {
      name: 'logReturns, 100,000 closes',
      items: { count: N, unit: 'closes' },
      run: () => void logReturns(close),
    },
    {
      name: 'volCone, 100,000 returns, 5 horizons',
      run: () => void volCone(returns),
    },
  ],
};
