/**
 * A pool of compute workers, created lazily, one task per worker at a time. Cancelling a task rejects it at
 * once with its signal's reason (an AbortError) and asks the worker to abort; a worker that does not answer
 * within `abortGraceMs` (stuck in a loop that never checks its signal) is terminated and replaced.
 */
import { abortError, deserializeError, type FromWorker, type ToWorker } from './protocol';

/** The part of `Worker` the pool uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface PoolOptions {
  size: number;
  create: () => WorkerLike;
  /** How long a worker may take to answer an abort before it is terminated (default 250 ms). */
  abortGraceMs?: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number | null, label?: string) => void;
  /** Buffers to transfer with the arguments (the caller gives them away). */
  transfer?: Transferable[];
}

interface Job {
  id: number;
  task: string;
  args: unknown[];
  options: RunOptions;
  settled: boolean;
  onAbort: () => void;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: WorkerLike | null;
  job: Job | null;
  /** Pending termination of a worker asked to abort `job`. */
  killTimer: ReturnType<typeof setTimeout> | null;
}

export class WorkerPool {
  readonly size: number;
  /** Workers terminated for not answering an abort, or after an error (for tests and diagnostics). */
  replaced = 0;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(private readonly options: PoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1)
      throw new RangeError(`invalid size: ${options.size}`);
    this.size = options.size;
    this.slots = Array.from({ length: options.size }, () => ({
      worker: null,
      job: null,
      killTimer: null,
    }));
  }

  /** Workers started so far (they start on first use). */
  get started(): number {
    return this.slots.filter((s) => s.worker).length;
  }

  /**
   * Run a registry task on the next free worker.
   * @example
   * const rows = await pool.run('cluster.dtwMatrixRows', [packed, 0, 59, { window: 25 }], { signal });
   */
  run<T = unknown>(task: string, args: unknown[], options: RunOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted) return reject(signal.reason ?? abortError());
      const job: Job = {
        id: this.nextId++,
        task,
        args,
        options,
        settled: false,
        onAbort: () => this.abort(job),
        resolve: resolve as (value: unknown) => void,
        reject,
      };
      signal?.addEventListener('abort', job.onAbort, { once: true });
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Terminate every worker; queued and running tasks reject. */
  dispose(): void {
    for (const job of this.queue.splice(0)) this.settle(job, abortError('pool disposed'));
    for (const slot of this.slots) {
      if (slot.job) this.settle(slot.job, abortError('pool disposed'));
      this.kill(slot);
    }
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (!slot.job && this.queue.length > 0) {
        const job = this.queue.shift()!;
        const worker = (slot.worker ??= this.spawn(slot));
        try {
          worker.postMessage(
            { type: 'run', id: job.id, task: job.task, args: job.args },
            job.options.transfer ?? [],
          );
          slot.job = job;
        } catch (error) {
          this.settle(job, error); // e.g. a DataCloneError: arguments that cannot be sent
        }
      }
    }
  }

  private spawn(slot: Slot): WorkerLike {
    const worker = this.options.create();
    worker.onmessage = (event) => this.receive(slot, worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (slot.worker !== worker) return;
      if (slot.job)
        this.settle(slot.job, new Error(`compute worker failed: ${event.message || 'error'}`));
      this.replaced++;
      this.kill(slot);
      this.dispatch();
    };
    return worker;
  }

  private receive(slot: Slot, worker: WorkerLike, message: FromWorker): void {
    const job = slot.job;
    if (slot.worker !== worker || !job || message.id !== job.id) return;
    if (message.type === 'progress') {
      if (!job.settled) job.options.onProgress?.(message.fraction, message.label);
      return;
    }
    if (message.type === 'done') this.settle(job, null, message.value);
    else this.settle(job, deserializeError(message.error));
    if (slot.killTimer) clearTimeout(slot.killTimer);
    slot.killTimer = null;
    slot.job = null;
    this.dispatch();
  }

  private abort(job: Job): void {
    if (job.settled) return;
    this.settle(job, job.options.signal?.reason ?? abortError());
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (!slot?.worker) return;
    slot.worker.postMessage({ type: 'abort', id: job.id });
    slot.killTimer = setTimeout(() => {
      if (slot.job !== job) return;
      this.replaced++;
      this.kill(slot);
      this.dispatch();
    }, this.options.abortGraceMs ?? 250);
  }

  private settle(job: Job, error: unknown, value?: unknown): void {
    if (job.settled) return;
    job.settled = true;
    job.options.signal?.removeEventListener('abort', job.onAbort);
    if (error) job.reject(error);
    else job.resolve(value);
  }

  private kill(slot: Slot): void {
    if (slot.killTimer) clearTimeout(slot.killTimer);
    slot.killTimer = null;
    slot.worker?.terminate();
    slot.worker = null;
    slot.job = null;
  }
}
