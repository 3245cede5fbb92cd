/**
 * Option maths on chains shaped like Deribit's BTC book (January 2026: ~620 options, 12 expiries from 1 day to
 * 1 year, 24–100 strikes each): strikes from 3.5 standard deviations below the forward to 4.5 above, a call and a
 * put at each, on a smile with a put skew (ATM 45%). A second chain puts strikes across k ∈ [−1, 1] at every
 * expiry, so short expiries reach 20+ standard deviations: the asymptotic branches of Let's Be Rational.
 * The scalar `impliedVol(price, F, K, T, type)` is timed on the realistic chain too, and the peer inverts it with
 * scipy: Black-76 on `scipy.stats.norm.cdf` and `scipy.optimize.brentq` per option (tolerance near machine
 * precision, as ours), timed against one pass of ours over the same 624 options.
 */
import { createRng } from '../../cells/random';
import { black76PriceArray, greeksArray, impliedVol, impliedVolArray } from '../../cells/options';
import { ratioCase, type BenchSuite } from './harness';
import { pythonPeerCase } from './peer/python-peer';

const EXPIRY_DAYS = [1, 2, 3, 7, 14, 21, 30, 60, 90, 180, 270, 365];
const F = 100_000;

interface Chain {
  K: Float64Array;
  T: Float64Array;
  sigma: Float64Array;
  types: Int8Array;
  prices: Float64Array;
}

function build(rows: { k: number; T: number; sigma: number; type: number }[]): Chain {
  const K = Float64Array.from(rows, (r) => F * Math.exp(r.k));
  const T = Float64Array.from(rows, (r) => r.T);
  const sigma = Float64Array.from(rows, (r) => r.sigma);
  const types = Int8Array.from(rows, (r) => r.type);
  return { K, T, sigma, types, prices: black76PriceArray(F, K, T, sigma, types) };
}

/** Deribit-like: 26 strikes per expiry (a call and a put each), −3.5…+4.5 SD capped at k ∈ [−2.3, 1.6]. */
function realistic(strikesPerExpiry = 26): Chain {
  const rows: { k: number; T: number; sigma: number; type: number }[] = [];
  for (const days of EXPIRY_DAYS) {
    const T = days / 365;
    const sd = Math.max(0.45 * Math.sqrt(T), 0.02);
    const lo = -Math.min(3.5 * sd, 2.3);
    const hi = Math.min(4.5 * sd, 1.6);
    for (let i = 0; i < strikesPerExpiry; i++) {
      const k = lo + ((hi - lo) * i) / (strikesPerExpiry - 1);
      const z = k / sd;
      const sigma = 0.45 * (1 - 0.04 * z + 0.015 * z * z);
      rows.push({ k, T, sigma, type: 1 }, { k, T, sigma, type: -1 });
    }
  }
  return build(rows);
}

/** Strikes uniform in k ∈ [−1, 1] at every expiry, OTM side only (the deep wings of short expiries). */
function deepWings(n: number): Chain {
  const rng = createRng(42);
  return build(
    Array.from({ length: n }, (_, i) => {
      const k = -1 + 2 * rng.next();
      return {
        k,
        T: EXPIRY_DAYS[i % EXPIRY_DAYS.length]! / 365,
        sigma: 0.5 - 0.1 * k + 0.3 * k * k,
        type: k >= 0 ? 1 : -1,
      };
    }),
  );
}

const chain = realistic();
const wings = deepWings(620);
const big = deepWings(1000);
const out = new Float64Array(Math.max(chain.K.length, wings.K.length));
const REPEAT = 100;
const typeNames = Array.from(chain.types, (t): 'call' | 'put' => (t > 0 ? 'call' : 'put'));
const ONCE = `implied vol, realistic chain once (${chain.K.length} inversions, as the peer)`;
const SCIPY = `scipy brentq + norm.cdf per option, same ${chain.K.length} options`;

function scalarPass(): number {
  let sum = 0;
  for (let i = 0; i < chain.K.length; i++)
    sum += impliedVol(chain.prices[i]!, F, chain.K[i]!, chain.T[i]!, typeNames[i]!);
  return sum;
}

/** Black-76 (r = 0) from scipy.stats.norm, inverted by brentq on [1e-4, 10] per option. */
const scipyIv = `
import math
from scipy.stats import norm
from scipy.optimize import brentq
F = INPUT['F']
ROWS = list(zip(INPUT['K'], INPUT['T'], INPUT['types'], INPUT['prices']))
def black(sig, k, t, s):
    sq = sig * math.sqrt(t)
    d1 = math.log(F / k) / sq + 0.5 * sq
    return s * (F * norm.cdf(s * d1) - k * norm.cdf(s * (d1 - sq)))
def work():
    return [brentq(lambda v: black(v, k, t, s) - p, 1e-4, 10, xtol=1e-15, rtol=8.9e-16) for k, t, s, p in ROWS]
`;

export const suite: BenchSuite = {
  name: 'options',
  cases: [
    {
      name: `implied vol, Deribit-like ${chain.K.length}-option chain ×${REPEAT}`,
      items: { count: chain.K.length * REPEAT, unit: 'inversions' },
      goal: '> 2 M/s',
      runs: 15,
      run: () => {
        for (let r = 0; r < REPEAT; r++)
          impliedVolArray(chain.prices, F, chain.K, chain.T, chain.types, out);
      },
    },
    {
      // The same work timed in CPU seconds of this process: on a shared machine, the rate of one core while it runs.
      name: `implied vol, same chain, per CPU second`,
      goal: '> 2 M/s',
      runs: 15,
      run: () => {
        const start = process.cpuUsage();
        for (let r = 0; r < REPEAT; r++)
          impliedVolArray(chain.prices, F, chain.K, chain.T, chain.types, out);
        const used = process.cpuUsage(start);
        const seconds = (used.user + used.system) / 1e6;
        return { value: (chain.K.length * REPEAT) / seconds / 1e6, unit: 'M inversions/CPU s' };
      },
    },
    {
      name: `implied vol, scalar impliedVol(price, F, K, T, type), same chain ×${REPEAT}`,
      items: { count: chain.K.length * REPEAT, unit: 'inversions' },
      goal: '> 2 M/s',
      runs: 15,
      run: () => {
        for (let r = 0; r < REPEAT; r++) scalarPass();
      },
    },
    {
      name: `implied vol, scalar, per CPU second`,
      goal: '> 2 M/s',
      runs: 15,
      run: () => {
        const start = process.cpuUsage();
        for (let r = 0; r < REPEAT; r++) scalarPass();
        const used = process.cpuUsage(start);
        const seconds = (used.user + used.system) / 1e6;
        return { value: (chain.K.length * REPEAT) / seconds / 1e6, unit: 'M inversions/CPU s' };
      },
    },
    {
      name: ONCE,
      items: { count: chain.K.length, unit: 'inversions' },
      runs: 15,
      run: () => {
        impliedVolArray(chain.prices, F, chain.K, chain.T, chain.types, out);
      },
    },
    pythonPeerCase({
      name: SCIPY,
      modules: ['scipy'],
      script: scipyIv,
      input: {
        F,
        K: [...chain.K],
        T: [...chain.T],
        types: [...chain.types],
        prices: [...chain.prices],
      },
      runs: 3,
    }),
    ratioCase('implied vol vs scipy brentq', ONCE, SCIPY, '> 1×'),
    {
      name: `implied vol, deep-wing ${wings.K.length}-option chain ×${REPEAT}`,
      items: { count: wings.K.length * REPEAT, unit: 'inversions' },
      runs: 15,
      run: () => {
        for (let r = 0; r < REPEAT; r++)
          impliedVolArray(wings.prices, F, wings.K, wings.T, wings.types, out);
      },
    },
    {
      name: `Black-76 prices, ${chain.K.length}-option chain ×${REPEAT}`,
      items: { count: chain.K.length * REPEAT, unit: 'prices' },
      runs: 9,
      run: () => {
        for (let r = 0; r < REPEAT; r++)
          black76PriceArray(F, chain.K, chain.T, chain.sigma, chain.types);
      },
    },
    {
      name: 'Greeks, 1,000-option chain ×20',
      items: { count: 1000 * 20, unit: 'options' },
      runs: 15,
      run: () => {
        for (let r = 0; r < 20; r++) greeksArray(F, big.K, big.T, big.sigma, big.types);
      },
    },
  ],
};
