/**
 * Deribit's credit-based rate limits: a bucket of credits that refills continuously; each request spends
 * some, and a request that would overdraw waits. Public (non-matching-engine) requests cost 500 credits from
 * a pool of 50,000 refilled at 10,000 per second; `get_instruments` has its own limit of one request per
 * 10 s with a burst of 5.
 */
export interface BucketOptions {
  capacity: number;
  /** Credits added per second. */
  refillPerSecond: number;
  /** Clock in ms (injectable for tests). */
  now?: () => number;
}

export interface CreditBucket {
  /** Spend `cost` now if available: 0 when spent, else ms until it would be (nothing spent). */
  tryTake(cost: number): number;
  /** Wait until `cost` credits can be spent, then spend them. */
  take(cost: number, signal?: AbortSignal): Promise<void>;
  /** Credits available now. */
  available(): number;
}

/**
 * @example
 * const bucket = createCreditBucket({capacity: 50_000, refillPerSecond: 10_000});
 * await bucket.take(500);
 */
export function createCreditBucket(options: BucketOptions): CreditBucket {
  const { capacity, refillPerSecond } = options;
  if (!(capacity > 0)) throw new RangeError(`invalid capacity: ${capacity}`);
  if (!(refillPerSecond > 0)) throw new RangeError(`invalid refillPerSecond: ${refillPerSecond}`);
  const now = options.now ?? (() => performance.now());
  let credits = capacity;
  let last = now();
  const refill = () => {
    const t = now();
    credits = Math.min(capacity, credits + ((t - last) * refillPerSecond) / 1000);
    last = t;
  };
  const tryTake = (cost: number): number => {
    if (!(cost > 0 && cost <= capacity)) throw new RangeError(`invalid cost: ${cost}`);
    refill();
    if (credits >= cost) {
      credits -= cost;
      return 0;
    }
    return Math.ceil(((cost - credits) * 1000) / refillPerSecond);
  };
  return {
    tryTake,
    async take(cost, signal) {
      for (let wait = tryTake(cost); wait > 0; wait = tryTake(cost)) await sleep(wait, signal);
    },
    available() {
      refill();
      return credits;
    },
  };
}

export interface DeribitRateLimiter {
  /** Wait for the credits `method` needs. */
  acquire(method: string, signal?: AbortSignal): Promise<void>;
}

export const DERIBIT_LIMITS = {
  requestCost: 500,
  pool: 50_000,
  refillPerSecond: 10_000,
  /** `get_instruments`: one per 10 s, burst 5. */
  instrumentsBurst: 5,
  instrumentsPerSecond: 0.1,
} as const;

/**
 * The limiter the HTTP and WebSocket clients share.
 *
 * @example
 * const limiter = createDeribitRateLimiter();
 * await limiter.acquire('get_instruments');
 */
export function createDeribitRateLimiter(now?: () => number): DeribitRateLimiter {
  const clock = now ? { now } : {};
  const pool = createCreditBucket({
    capacity: DERIBIT_LIMITS.pool,
    refillPerSecond: DERIBIT_LIMITS.refillPerSecond,
    ...clock,
  });
  const instruments = createCreditBucket({
    capacity: DERIBIT_LIMITS.instrumentsBurst,
    refillPerSecond: DERIBIT_LIMITS.instrumentsPerSecond,
    ...clock,
  });
  return {
    async acquire(method, signal) {
      if (method.endsWith('get_instruments')) await instruments.take(1, signal);
      await pool.take(DERIBIT_LIMITS.requestCost, signal);
    },
  };
}

/** Resolve after `ms`, or reject with the signal's reason when aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
