/**
 * Retry with exponential backoff and jitter ("full jitter" halved: delay uniform in [d/2, d] with
 * d = min(max, base·2^attempt)), used for retryable Deribit errors and for WebSocket reconnects.
 */
import { createRng } from '../../../cells/random';
import { sleep } from './rate-limit';

export interface BackoffPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseMs: number;
  maxMs: number;
  /** Uniform [0, 1) source for the jitter (a seeded rng's `next`). */
  random?: () => number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { retries: 4, baseMs: 200, maxMs: 5_000 };

/**
 * The delay before retry number `attempt` (0-based).
 *
 * @example
 * backoffDelay(3, {retries: 5, baseMs: 100, maxMs: 5000}, () => 0.5); // 600
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  if (!(attempt >= 0)) throw new RangeError(`invalid attempt: ${attempt}`);
  const d = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return d / 2 + (d / 2) * random();
}

/** A jitter source seeded from the clock: jitter only needs to differ between processes. */
export function clockSeededRandom(): () => number {
  const rng = createRng(Date.now() % 2 ** 32);
  return () => rng.next();
}

/**
 * Run `fn`, retrying while `shouldRetry(error)` holds, at most `policy.retries` times.
 *
 * @example
 * const result = await withRetry(() => client.call('ticker', {instrument_name}), DEFAULT_BACKOFF, isRetryable);
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  policy: BackoffPolicy,
  shouldRetry: (error: unknown) => boolean,
  signal?: AbortSignal,
): Promise<T> {
  const random = policy.random ?? clockSeededRandom();
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= policy.retries || !shouldRetry(error)) throw error;
      await sleep(backoffDelay(attempt, policy, random), signal);
    }
  }
}
