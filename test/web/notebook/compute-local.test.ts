import { afterEach, describe, expect, it } from 'vitest';
import { compileJs } from '../../../web/notebook/compile-js';
import type { ComputeRequest, ProgressState } from '../../../web/notebook/compute-local';
import type { CellObserver } from '../../../web/notebook/define';
import { NotebookSession } from '../../../web/notebook/session';

describe('compiling `compute`', () => {
  it('is a cell local: not an input, passed after display and view', () => {
    const cell = compileJs(
      'c',
      'const d = await compute("cluster.dtwMatrix", series, {window: 25})\ndisplay(d)',
    );
    expect(cell.inputs).toEqual(['series']);
    expect(cell.params).toEqual(['series', 'display', 'compute']);
    expect(cell.body).toBe(
      'async (series, display, compute) => {\nconst d = await compute("cluster.dtwMatrix", series, {window: 25})\ndisplay(d)\nreturn {d};\n}',
    );
    expect(cell.js?.references).toEqual(['compute', 'series', 'display']);
  });

  it('keeps an expression cell that uses compute auto-displayed', () => {
    const cell = compileJs('c', 'compute("regime.fitGaussianHmm", x)');
    expect(cell.params).toEqual(['x', 'compute']);
    expect(cell.autodisplay).toBe(true);
  });

  it('lets a cell declare its own compute', () => {
    const cell = compileJs('c', 'const compute = (x) => x * 2\nconst y = compute(3)');
    expect(cell.params).toEqual([]);
    expect(cell.outputs).toEqual(['compute', 'y']);
  });
});

/** A runner whose tasks the test settles by hand. */
function manualRunner() {
  const calls: {
    name: string;
    args: unknown[];
    request: ComputeRequest;
    resolve: (v: unknown) => void;
  }[] = [];
  const runner = (name: string, args: unknown[], request: ComputeRequest) =>
    new Promise((resolve, reject) => {
      calls.push({ name, args, request, resolve });
      request.signal.addEventListener('abort', () => reject(request.signal.reason));
    });
  return { calls, runner };
}

const settle = async (rounds = 6) => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
};

const sessions: NotebookSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
});

function session(runner: ReturnType<typeof manualRunner>['runner']) {
  const log = {
    progress: [] as (ProgressState | null)[],
    fulfilled: [] as unknown[],
    rejected: [] as unknown[],
  };
  const s = new NotebookSession({
    compute: runner,
    builtins: { n: 3 },
    observer: (): CellObserver => ({
      progress: (state) => log.progress.push(state),
      fulfilled: (v) => log.fulfilled.push(v),
      rejected: (e) => log.rejected.push(e),
    }),
  });
  sessions.push(s);
  return { s, log };
}

const cell = (source: string) => '```js\n' + source + '\n```\n';

describe('the compute cell local', () => {
  it('runs the task through the runner and reports progress, then clears it', async () => {
    const { calls, runner } = manualRunner();
    const { s, log } = session(runner);
    s.updateSource(cell('const d = await compute("t.double", n, {k: 1})'));
    await settle();
    expect(calls.map((c) => [c.name, c.args])).toEqual([['t.double', [3, { k: 1 }]]]);
    expect(log.progress.at(-1)).toMatchObject({ fraction: null, label: 't.double' });
    calls[0]!.request.onProgress(0.25, 'step 1');
    expect(log.progress.at(-1)).toMatchObject({ fraction: 0.25, label: 'step 1' });
    calls[0]!.resolve(6);
    await settle();
    expect(log.progress.at(-1)).toBeNull();
    expect(log.fulfilled).toEqual([{ d: 6 }]);
  });

  it('merges concurrent tasks: the mean fraction, unknown if any is unknown', async () => {
    const { calls, runner } = manualRunner();
    const { s, log } = session(runner);
    s.updateSource(cell('const [a, b] = await Promise.all([compute("t.a"), compute("t.b")])'));
    await settle();
    calls[0]!.request.onProgress(0.5);
    expect(log.progress.at(-1)).toMatchObject({ fraction: null, label: '2 tasks' });
    calls[1]!.request.onProgress(0.1);
    expect(log.progress.at(-1)!.fraction).toBeCloseTo(0.3, 12);
  });

  it('cancel aborts the task and the cell fails with "cancelled"', async () => {
    const { calls, runner } = manualRunner();
    const { s, log } = session(runner);
    s.updateSource(cell('const d = await compute("t.long")'));
    await settle();
    const state = log.progress.at(-1)!;
    state.cancel();
    await settle();
    expect(calls[0]!.request.signal.aborted).toBe(true);
    expect(log.rejected).toHaveLength(1);
    expect(log.rejected[0]).toMatchObject({ name: 'AbortError', message: 'cancelled' });
    expect(log.progress.at(-1)).toBeNull();
  });

  it("a re-run (its input changed) aborts the previous run's tasks", async () => {
    const { calls, runner } = manualRunner();
    const { s, log } = session(runner);
    s.updateSource(cell('const k = 1') + cell('const d = await compute("t.long", k)'));
    await settle();
    s.updateSource(cell('const k = 2') + cell('const d = await compute("t.long", k)'));
    await settle();
    expect(calls.map((c) => c.args)).toEqual([[1], [2]]);
    expect(calls[0]!.request.signal.aborted).toBe(true);
    expect(calls[0]!.request.signal.reason).toMatchObject({
      name: 'AbortError',
      message: 'superseded',
    });
    expect(calls[1]!.request.signal.aborted).toBe(false);
    calls[1]!.resolve('second');
    await settle();
    expect(log.fulfilled.at(-1)).toEqual({ d: 'second' });
  });

  it('deleting the cell aborts its tasks', async () => {
    const { calls, runner } = manualRunner();
    const { s } = session(runner);
    s.updateSource(cell('const d = await compute("t.long")'));
    await settle();
    s.updateSource('# nothing left\n');
    expect(calls[0]!.request.signal.aborted).toBe(true);
  });

  it('fails clearly without a runner', async () => {
    const s = new NotebookSession({ observer: () => ({}) });
    sessions.push(s);
    s.updateSource(cell('const d = await compute("t.x")'));
    await expect(s.value('d')).rejects.toThrow('compute is not available: no worker pool');
  });
});
