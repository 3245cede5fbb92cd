import {
  BASE_METRICS,
  createRuleRunner,
  runRule,
  volFilter,
  type AlertRule,
} from '../../cells/filter';
import { createRng } from '../../cells/random';
import type { BenchSuite } from './harness';

const N = 1_000_000;
const rng = createRng(7);
const prices = new Float64Array(N);
let p = 50_000;
for (let i = 0; i < N; i++) prices[i] = p *= Math.exp(0.0005 * rng.normal());

/** A fitted filter to feed: the AR step runs on every closed sample. */
function fittedFilter() {
  const s = volFilter.init({ gridMs: 1000 });
  for (let i = 0; i < 2000; i++) volFilter.addSample(s, i * 1000, prices[i]!);
  volFilter.refit(s);
  return s;
}

const TICKS = 10_000;
const RULES = 100;
const ops = ['>', '<'] as const;
const rules: AlertRule[] = Array.from({ length: RULES }, (_, i) => {
  const base = BASE_METRICS[i % BASE_METRICS.length]!;
  return {
    name: `r${i}`,
    currency: 'BTC',
    metric: i % 3 === 0 ? `zscore:${base}` : base,
    op: ops[i % 2]!,
    threshold: i % 3 === 0 ? 3 : 50,
    cooldown_s: 60,
  };
});
const values = Float64Array.from({ length: TICKS }, () => 50 + 5 * rng.normal());

export const suite: BenchSuite = {
  name: 'filter',
  cases: [
    {
      name: 'filter update per grid sample (RV, EWMA, AR step), 1,000,000',
      goal: '< 2 µs',
      run: () => {
        const s = fittedFilter();
        const t0 = performance.now();
        for (let i = 2000; i < N; i++) volFilter.addSample(s, i * 1000, prices[i]!);
        return { value: ((performance.now() - t0) * 1000) / (N - 2000), unit: 'µs/sample' };
      },
    },
    {
      name: 'filter update per tick (10 ticks per grid bucket), 1,000,000',
      goal: '< 2 µs',
      run: () => {
        const s = fittedFilter();
        const t0 = performance.now();
        for (let i = 2000; i < N; i++) volFilter.add(s, 2_000_000 + i * 100, prices[i]!);
        return { value: ((performance.now() - t0) * 1000) / (N - 2000), unit: 'µs/tick' };
      },
    },
    {
      name: '2,000 samples fed, then an AR refit on 720 log RVs (scheduled)',
      run: () => void volFilter.refit(fittedFilter()),
    },
    {
      name: '100 rules evaluated per tick (a third z-scores), 10,000 ticks',
      goal: '< 100 µs',
      run: () => {
        const runners = rules.map((r) => createRuleRunner(r, 60));
        const t0 = performance.now();
        for (let k = 0; k < TICKS; k++) {
          const v = values[k]!;
          for (let j = 0; j < RULES; j++) runRule(runners[j]!, v + j * 0.01, k * 1000, k);
        }
        return { value: ((performance.now() - t0) * 1000) / TICKS, unit: 'µs/tick' };
      },
    },
  ],
};
