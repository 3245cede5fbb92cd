/**
 * `compute(task, …)` headless: the worker registry's tasks run in this process, with the same arguments and
 * results as in the browser's pool (arguments made plain as the pool does), so a notebook that offloads work
 * gets the same values without workers.
 */
import { dtwMatrix, type DtwMatrixOptions, type PackedSeries } from '../../cells/cluster';
import type { Tf } from '../../cells/forecast/neural-io';
import type { ComputeRunner } from '../../web/notebook/compute-local';
import { plainArgument } from '../../web/workers/arguments';
import type { TaskContext, TaskRegistry } from '../../web/workers/context';
import { createRegistry } from '../../web/workers/tasks';

/**
 * @example
 * const compute = inProcessCompute(loadTf);
 * await compute('regime.fitGaussianHmm', [returns, { states: 2 }], { signal, onProgress: () => {} });
 */
export function inProcessCompute(loadTf: () => Promise<Tf>): ComputeRunner {
  const registry: TaskRegistry = {
    ...createRegistry({ loadTf }),
    // In the browser a plan splits this across the pool; here it is one call.
    'cluster.dtwMatrix': ([series, options]) =>
      dtwMatrix(series as PackedSeries, (options ?? {}) as DtwMatrixOptions),
  };
  return async (name, args, request) => {
    const task = registry[name];
    if (!task) throw new RangeError(`unknown task: ${name}`);
    const context: TaskContext = {
      signal: request.signal,
      progress: (fraction, label) => request.onProgress(fraction, label),
      async yield() {
        await new Promise((resolve) => setImmediate(resolve));
        request.signal.throwIfAborted();
      },
    };
    return task(
      args.map((a) => plainArgument(a)),
      context,
    );
  };
}
