/** What a worker task receives besides its arguments: its abort signal, a progress reporter, a yield. */
export interface TaskContext {
  signal: AbortSignal;
  /** A fraction in [0, 1], or null for "running, amount unknown"; the label defaults to the task's name. */
  progress(fraction: number | null, label?: string): void;
  /** Let the worker's event loop run (so an `abort` message is seen) and throw if the task was aborted. */
  yield(): Promise<void>;
}

/** A worker task: arguments as posted, a structured-clonable result (typed arrays are transferred back). */
export type Task = (args: unknown[], context: TaskContext) => unknown;

export type TaskRegistry = Record<string, Task>;

/** Library options with the task's signal and progress added (`{signal, onProgress}` of cells/). */
export function withContext<T extends object>(
  options: unknown,
  context: TaskContext,
): T & { signal: AbortSignal; onProgress: (fraction: number) => void } {
  const base = options !== null && typeof options === 'object' ? options : {};
  return {
    ...(base as T),
    signal: context.signal,
    onProgress: (fraction: number) => context.progress(fraction),
  };
}
