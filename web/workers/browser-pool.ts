/**
 * The page's compute pool: `min(hardwareConcurrency, 4)` module workers, started on first use.
 */
import type { ComputeRunner } from '../notebook/compute-local';
import { WorkerPool, type WorkerLike } from './pool';
import { createComputeRunner } from './runner';

let pool: WorkerPool | null = null;

/** The shared pool (created on first call; its workers start on first task). */
export function getComputePool(): WorkerPool {
  pool ??= new WorkerPool({
    size: Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4)),
    create: () =>
      new Worker(new URL('./compute-worker.ts', import.meta.url), {
        type: 'module',
      }) as unknown as WorkerLike,
  });
  return pool;
}

/** What the `compute` cell local runs through in the browser. */
export const runCompute: ComputeRunner = createComputeRunner(getComputePool);
