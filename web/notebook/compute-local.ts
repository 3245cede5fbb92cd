/**
 * `compute`, a cell local like `display` and `view`: each run of a cell gets its own, so the progress and the
 * Cancel button of a long task attach to the cell that started it, and a re-run aborts the previous run's
 * tasks. The work itself is done by a `ComputeRunner` (the worker pool in the browser).
 */

/** What a cell shows while its tasks run; `cancel` aborts them (the cell then fails with "cancelled"). */
export interface ProgressState {
  /** Done fraction in [0, 1], or null when unknown (an indeterminate bar). */
  fraction: number | null;
  label: string;
  cancel: () => void;
}

export interface ComputeRequest {
  signal: AbortSignal;
  onProgress: (fraction: number | null, label?: string) => void;
}

/** Runs a named task (e.g. on a worker pool): `runner('cluster.dtwMatrix', [series, {window: 25}], request)`. */
export type ComputeRunner = (
  name: string,
  args: unknown[],
  request: ComputeRequest,
) => Promise<unknown>;

/** The function cells call: `await compute('regime.fitGaussianHmm', returns, {states: 3})`. */
export type ComputeLocal = (name: string, ...args: unknown[]) => Promise<unknown>;

export interface ComputeScope {
  compute: ComputeLocal;
  /** Abort this run's tasks and stop reporting; true when some were running. */
  abort(reason: unknown): boolean;
}

/** The error a cancelled task rejects with. */
export function cancelledError(message = 'cancelled'): DOMException {
  return new DOMException(message, 'AbortError');
}

/**
 * One run's `compute`. Progress of concurrent tasks is merged: the mean fraction, or null if any is unknown.
 *
 * @example
 * const scope = computeScope(runner, (state) => observer.progress?.(state));
 * await scope.compute('cluster.dtwMatrix', series, { window: 25 });
 */
export function computeScope(
  runner: ComputeRunner | undefined,
  report: (state: ProgressState | null) => void,
): ComputeScope {
  const controller = new AbortController();
  const tasks = new Map<number, { fraction: number | null; label: string }>();
  let nextKey = 0;
  let stopped = false;
  const cancel = (): void => controller.abort(cancelledError());
  const update = (): void => {
    if (stopped) return;
    const states = [...tasks.values()];
    if (states.length === 0) return report(null);
    const fraction = states.some((s) => s.fraction === null)
      ? null
      : states.reduce((sum, s) => sum + s.fraction!, 0) / states.length;
    const label = states.length === 1 ? states[0]!.label : `${states.length} tasks`;
    report({ fraction, label, cancel });
  };
  const compute: ComputeLocal = async (name, ...args) => {
    if (typeof name !== 'string' || name === '')
      throw new TypeError(`invalid task: ${String(name)}`);
    if (!runner) throw new Error('compute is not available: no worker pool');
    controller.signal.throwIfAborted();
    const key = nextKey++;
    tasks.set(key, { fraction: null, label: name });
    update();
    const onProgress = (fraction: number | null, label?: string): void => {
      const task = tasks.get(key);
      if (!task) return;
      task.fraction = fraction === null ? null : Math.min(1, Math.max(0, fraction));
      if (label) task.label = label;
      update();
    };
    try {
      return await runner(name, args, { signal: controller.signal, onProgress });
    } finally {
      tasks.delete(key);
      update();
    }
  };
  return {
    compute,
    abort(reason) {
      const active = tasks.size > 0;
      stopped = true;
      controller.abort(reason);
      return active;
    },
  };
}
