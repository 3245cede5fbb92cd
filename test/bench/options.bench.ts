/**
 * Option maths on a realistic chain: ~620 options with strikes across k ∈ [−1, 1] and expiries from 1 day to
 * 1 year, a smile of 40–100% vol; OTM options as Deribit quotes them.
 */
import { createRng } from '../../cells/random';
import { black76PriceArray, greeksArray, impliedVolArray } from '../../cells/options';
import type { BenchSuite } from './harness';

const EXPIRY_DAYS = [1, 2, 3, 7, 14, 21, 30, 60, 90, 180, 270, 365];

function chain(n: number) {
  const rng = createRng(42);
  const K = new Float64Array(n);
  const T = new Float64Array(n);
  const sigma = new Float64Array(n);
  const types = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const k = -1 + 2 * rng.next();
    T[i] = EXPIRY_DAYS[i % EXPIRY_DAYS.length]! / 365;
    K[i] = 100_000 * Math.exp(k);
    sigma[i] = 0.5 - 0.1 * k + 0.3 * k * k;
    types[i] = k >= 0 ? 1 : -1;
  }
  return { K, T, sigma, types, prices: black76PriceArray(100_000, K, T, sigma, types) };
}

const small = chain(620);
const big = chain(1000);
const out = new Float64Array(small.K.length);
const REPEAT = 50;

export const suite: BenchSuite = {
  name: 'options',
  cases: [
    {
      name: `implied vol (Let's Be Rational), 620-option chain ×${REPEAT}`,
      items: { count: 620 * REPEAT, unit: 'inversions' },
      goal: '> 2 M/s',
      runs: 9,
      run: () => {
        for (let r = 0; r < REPEAT; r++)
          impliedVolArray(small.prices, 100_000, small.K, small.T, small.types, out);
      },
    },
    {
      name: `Black-76 prices, 620-option chain ×${REPEAT}`,
      items: { count: 620 * REPEAT, unit: 'prices' },
      runs: 9,
      run: () => {
        for (let r = 0; r < REPEAT; r++)
          black76PriceArray(100_000, small.K, small.T, small.sigma, small.types);
      },
    },
    {
      name: 'Greeks, 1,000-option chain',
      items: { count: 1000, unit: 'options' },
      runs: 21,
      run: () => {
        greeksArray(100_000, big.K, big.T, big.sigma, big.types);
      },
    },
  ],
};
