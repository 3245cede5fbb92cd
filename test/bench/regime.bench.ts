import { createRng } from '../../cells/random';
import { emissionLogDensities, prepareEmission } from '../../cells/regime/emission';
import { createWorkspace, forwardBackward } from '../../cells/regime/forward-backward';
import { hmmViterbi } from '../../cells/regime/inference';
import { createGaussianHmm, type GaussianHmm } from '../../cells/regime/model';
import { maximize } from '../../cells/regime/mstep';
import { toObservations } from '../../cells/regime/observations';
import type { BenchCase, BenchSuite } from './harness';

const T = 100_000;
const rng = createRng(1);
const x = Float64Array.from(
  { length: T },
  (_, t) => (Math.floor(t / 500) % 2 ? 0.04 : 0.01) * rng.normal(),
);
const obs = toObservations(x);

function model(K: number): GaussianHmm {
  const transition = Array.from({ length: K }, (_, i) =>
    Array.from({ length: K }, (_, j) => (i === j ? 0.9 : 0.1 / (K - 1))),
  );
  return createGaussianHmm({
    initial: new Array<number>(K).fill(1 / K),
    transition,
    means: Array.from({ length: K }, (_, k) => 0.001 * k),
    variances: Array.from({ length: K }, (_, k) => (0.01 * (k + 1)) ** 2),
  });
}

function cases(K: number): BenchCase[] {
  const m = model(K);
  const ws = createWorkspace(T, K);
  const floor = new Float64Array([1e-10]);
  return [
    {
      name: `Baum-Welch iteration, T = 100,000, K = ${K}`,
      runs: 15,
      items: { count: T, unit: 'obs' },
      ...(K === 3 ? { goal: '< 20 ms' } : {}),
      run: () => {
        emissionLogDensities(m, prepareEmission(m), obs.data, T, ws.em);
        forwardBackward(m.initial, m.transition, ws);
        maximize(m, obs, ws.alpha, ws.xi, floor);
      },
    },
    {
      name: `Viterbi, T = 100,000, K = ${K}`,
      runs: 15,
      items: { count: T, unit: 'obs' },
      run: () => void hmmViterbi(m, x),
    },
  ];
}

export const suite: BenchSuite = {
  name: 'regime',
  cases: [...cases(2), ...cases(3), ...cases(5)],
};
