/**
 * A bound on concurrent slice computations: each one is a DuckDB scan that can hold hundreds of MB, so at most
 * `concurrency` run at once, up to `queue` more wait their turn (first come, first served), and beyond that a
 * request is refused with 503 and `Retry-After` instead of piling up memory.
 */
import type { Context } from 'hono';
import { ApiError } from '../http/errors';

export interface SliceLimiterOptions {
  /** Computations at once (default 2). */
  concurrency?: number;
  /** Computations waiting for a slot (default 8); more are refused. */
  queue?: number;
  /** What `Retry-After` tells a refused client, in seconds (default 2). */
  retryAfterSeconds?: number;
}

export interface SliceLimiter {
  /** Run `work` when a slot is free; throws `SliceBusyError` at once when the queue is full. */
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly queued: number;
  /** The most computations that ever ran at once. */
  readonly peak: number;
}

/** The 503 a refused slice gets (`retryAfterSeconds` goes to the `Retry-After` header). */
export class SliceBusyError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(503, 'too many slices being computed: retry shortly', { retryAfter: retryAfterSeconds });
  }
}

/**
 * @example
 * const limiter = createSliceLimiter({ concurrency: 2, queue: 8 });
 * await limiter.run(() => writeSlice(tmp, entry, files, query));
 */
export function createSliceLimiter(options: SliceLimiterOptions = {}): SliceLimiter {
  const concurrency = options.concurrency ?? 2;
  const queueLimit = options.queue ?? 8;
  const retryAfter = options.retryAfterSeconds ?? 2;
  const waiting: (() => void)[] = [];
  let active = 0;
  let peak = 0;
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  const acquire = (): Promise<void> => {
    if (active < concurrency) {
      active++;
      peak = Math.max(peak, active);
      return Promise.resolve();
    }
    if (waiting.length >= queueLimit) return Promise.reject(new SliceBusyError(retryAfter));
    // The releasing computation hands its slot over: `active` stays the same.
    return new Promise((resolve) => waiting.push(resolve));
  };
  return {
    async run(work) {
      await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
    get peak() {
      return peak;
    },
  };
}

/**
 * A `.catch` handler for a slice request: a `SliceBusyError` (also one thrown for a coalesced request) sets
 * `Retry-After` on the response before it propagates to the error handler.
 *
 * @example
 * const path = await sliceCache.get(key, produce).catch(retryAfterWhenBusy(c));
 */
export function retryAfterWhenBusy(c: Context): (error: unknown) => never {
  return (error) => {
    if (error instanceof SliceBusyError) c.header('Retry-After', String(error.retryAfterSeconds));
    throw error;
  };
}
