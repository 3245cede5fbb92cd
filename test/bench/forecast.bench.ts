/**
 * Forecast benchmarks: GARCH(1,1) MLE (analytic gradient + BFGS) on simulated returns, and a small LSTM
 * (1,000 sequences × 20 steps, 16 units, 5 epochs) on the wasm and cpu tfjs backends.
 */
import { fitGarch, fitNeural, garchForecaster, walkForward } from '../../cells/forecast';
import { createRng } from '../../cells/random';
import { setupTf } from '../cells/forecast/tf-setup';
import type { BenchSuite } from './harness';

function simulateGarch(T: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const [omega, alpha, beta] = [2e-6, 0.08, 0.9];
  let h = omega / (1 - alpha - beta);
  const r = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    r[t] = 3e-4 + Math.sqrt(h) * rng.normal();
    h = omega + alpha * (r[t]! - 3e-4) ** 2 + beta * h;
  }
  return r;
}

const r2000 = simulateGarch(2000, 1);
const r5000 = simulateGarch(5000, 2);
const rng = createRng(3);
const sine = Float64Array.from({ length: 1020 }, (_, i) => Math.sin(i / 8) + 0.2 * rng.normal());

async function lstm(backend: 'cpu' | 'wasm'): Promise<void> {
  const tf = await setupTf(backend);
  const fit = await fitNeural(tf, sine, {
    kind: 'lstm',
    lookback: 20,
    units: 16,
    epochs: 5,
    batchSize: 32,
    seed: 1,
  });
  fit.dispose();
}

export const suite: BenchSuite = {
  name: 'forecast',
  cases: [
    {
      name: 'GARCH(1,1) walk-forward, 5,000 returns from 1,000, refit every 250',
      runs: 3,
      items: { count: 4000, unit: 'forecasts' },
      run: async () => {
        await walkForward(r5000, garchForecaster(), { start: 1000, refitEvery: 250 });
      },
    },
    {
      name: 'GARCH(1,1) normal fit, 2,000 returns',
      runs: 20,
      goal: '< 5 ms',
      run: () => void fitGarch(r2000),
    },
    { name: 'GARCH(1,1) normal fit, 5,000 returns', runs: 10, run: () => void fitGarch(r5000) },
    {
      name: 'GARCH(1,1) Student-t fit, 2,000 returns',
      runs: 10,
      run: () => void fitGarch(r2000, { dist: 't' }),
    },
    {
      name: 'LSTM 1,000 seq × 20 steps, 16 units, 5 epochs (wasm)',
      runs: 2,
      items: { count: 5000, unit: 'seq' },
      run: () => lstm('wasm'),
    },
    {
      name: 'LSTM 1,000 seq × 20 steps, 16 units, 5 epochs (cpu)',
      runs: 1,
      items: { count: 5000, unit: 'seq' },
      run: () => lstm('cpu'),
    },
  ],
};
