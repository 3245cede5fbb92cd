/**
 * The `ComputeRunner` over a worker pool: tasks with a plan (the DTW matrix, split across workers) run their
 * plan; any other name goes to one worker's registry as is.
 */
import type { ComputeRequest, ComputeRunner } from '../notebook/compute-local';
import { plainArgument } from './arguments';
import { dtwMatrixOnPool } from './dtw-plan';
import type { WorkerPool } from './pool';

type Plan = (pool: WorkerPool, args: unknown[], request: ComputeRequest) => Promise<unknown>;

const plans: Record<string, Plan> = {
  'cluster.dtwMatrix': dtwMatrixOnPool,
};

/**
 * @example
 * const run = createComputeRunner(pool);
 * await run('regime.fitGaussianHmm', [returns, { states: 2 }], { signal, onProgress });
 */
export function createComputeRunner(pool: WorkerPool | (() => WorkerPool)): ComputeRunner {
  const poolOf = typeof pool === 'function' ? pool : () => pool;
  return (name, args, request) => {
    const plan = plans[name];
    if (plan) return plan(poolOf(), args, request);
    return poolOf().run(
      name,
      args.map((a) => plainArgument(a)),
      {
        signal: request.signal,
        onProgress: request.onProgress,
      },
    );
  };
}
