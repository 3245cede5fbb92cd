import { describe, expect, it } from 'vitest';
import { dtwMatrix, splitRows, zNormalize } from '../../../cells/cluster';
import { createRng } from '../../../cells/random';
import type { TaskRegistry } from '../../../web/workers/context';
import { WorkerPool } from '../../../web/workers/pool';
import { createComputeRunner } from '../../../web/workers/runner';
import { createRegistry } from '../../../web/workers/tasks';
import { InProcessWorker } from './fake-worker';

const noTf = () => Promise.reject(new Error('no tf in this test'));

/** A registry with the real tasks plus test tasks: one that honours aborts, one that never answers. */
function testRegistry(): TaskRegistry {
  return {
    ...createRegistry({ loadTf: noTf }),
    'test.spin': async (_args, context) => {
      for (;;) await context.yield(); // throws once aborted
    },
    'test.stuck': () => new Promise(() => undefined), // never settles, never looks at its signal
    'test.echo': ([x]) => x,
  };
}

function makePool(size = 2) {
  const workers: InProcessWorker[] = [];
  const pool = new WorkerPool({
    size,
    create: () => {
      const worker = new InProcessWorker(testRegistry());
      workers.push(worker);
      return worker;
    },
  });
  return { pool, workers };
}

const rng = createRng(11);
const series = Array.from({ length: 24 }, () => {
  let v = 0;
  return zNormalize(Float64Array.from({ length: 40 + rng.int(20) }, () => (v += rng.normal())));
});

describe('WorkerPool', () => {
  it('starts no worker before the first task', () => {
    const { pool } = makePool(3);
    expect(pool.started).toBe(0);
  });

  it('splits the DTW matrix by rows across every worker and equals the single-thread matrix', async () => {
    const { pool, workers } = makePool(2);
    const run = createComputeRunner(pool);
    const fractions: number[] = [];
    const d = (await run('cluster.dtwMatrix', [series, { window: 5 }], {
      signal: new AbortController().signal,
      onProgress: (f) => fractions.push(f!),
    })) as Float64Array;
    expect(d).toBeInstanceOf(Float64Array);
    expect(Array.from(d)).toEqual(Array.from(dtwMatrix(series, { window: 5 })));
    expect(workers).toHaveLength(2);
    // Four blocks of about equal work per worker, contiguous, covering every row; both workers take some.
    const runs = workers.map((w) =>
      w.received.map((m) => (m as { args: unknown[] }).args.slice(1, 3)),
    );
    expect(runs.every((r) => r.length > 0)).toBe(true);
    const ranges = runs.flat().sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(ranges).toEqual(splitRows(24, 8));
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
  });

  it('queues tasks beyond its size and runs them as workers free up', async () => {
    const { pool, workers } = makePool(2);
    const results = await Promise.all([1, 2, 3, 4, 5].map((x) => pool.run('test.echo', [x])));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(workers).toHaveLength(2);
  });

  it('rejects a cancelled task at once with the signal reason, and the worker acknowledges the abort', async () => {
    const { pool, workers } = makePool(1);
    const controller = new AbortController();
    const task = pool.run('test.spin', [], { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 20));
    controller.abort(new DOMException('cancelled', 'AbortError'));
    await expect(task).rejects.toMatchObject({ name: 'AbortError', message: 'cancelled' });
    expect(await pool.run('test.echo', ['next'])).toBe('next');
    expect(pool.replaced).toBe(0);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received.map((m) => m.type)).toEqual(['run', 'abort', 'run']);
  });

  it('terminates and replaces a worker that does not answer an abort within 250 ms', async () => {
    const { pool, workers } = makePool(1);
    const controller = new AbortController();
    const stuck = pool.run('test.stuck', [], { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 10));
    const t0 = performance.now();
    controller.abort();
    await expect(stuck).rejects.toMatchObject({ name: 'AbortError' });
    expect(await pool.run('test.echo', [42])).toBe(42);
    const waited = performance.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(240);
    expect(waited).toBeLessThan(1000);
    expect(pool.replaced).toBe(1);
    expect(workers.map((w) => w.terminated)).toEqual([true, false]);
  });

  it('drops a queued task on abort without posting it', async () => {
    const { pool, workers } = makePool(1);
    const controller = new AbortController();
    const first = pool.run('test.echo', ['a']);
    const queued = pool.run('test.echo', ['b'], { signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    expect(await first).toBe('a');
    expect(workers[0]!.received).toHaveLength(1);
  });

  it('keeps the error type and message of a failed task; unknown tasks are a RangeError', async () => {
    const { pool } = makePool(1);
    await expect(pool.run('regime.fitGaussianHmm', [[1, 2, 3], { states: 0 }])).rejects.toThrow(
      new RangeError('invalid states: 0'),
    );
    await expect(pool.run('no.such', [])).rejects.toThrow(new RangeError('unknown task: no.such'));
  });

  it('rejects a task whose arguments cannot be cloned, and keeps the worker free', async () => {
    const { pool } = makePool(1);
    await expect(pool.run('test.echo', [{ f: () => 1 }])).rejects.toMatchObject({
      name: 'DataCloneError',
    });
    expect(await pool.run('test.echo', ['after'])).toBe('after');
  });

  it('rejects queued and running tasks when disposed', async () => {
    const { pool, workers } = makePool(1);
    const running = pool.run('test.stuck', []);
    const queued = pool.run('test.echo', [1]);
    await new Promise((r) => setTimeout(r, 5));
    pool.dispose();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0]!.terminated).toBe(true);
  });
});
