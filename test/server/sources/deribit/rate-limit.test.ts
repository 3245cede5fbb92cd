import { describe, expect, it } from 'vitest';
import {
  createCreditBucket,
  createDeribitRateLimiter,
} from '../../../../server/sources/deribit/rate-limit';
import { backoffDelay, withRetry } from '../../../../server/sources/deribit/retry';
import { DeribitError, isRetryable, RETRYABLE_CODES } from '../../../../server/sources/deribit/rpc';

describe('credit bucket', () => {
  it('allows 100 requests of 500 credits from a 50,000 pool, then waits 50 ms for the 101st', () => {
    const clock = { t: 0 };
    const bucket = createCreditBucket({
      capacity: 50_000,
      refillPerSecond: 10_000,
      now: () => clock.t,
    });
    for (let i = 0; i < 100; i++) expect(bucket.tryTake(500)).toBe(0);
    expect(bucket.tryTake(500)).toBe(50);
    clock.t += 20; // 200 credits back
    expect(bucket.tryTake(500)).toBe(30);
    clock.t += 30;
    expect(bucket.tryTake(500)).toBe(0);
  });

  it('never refills above capacity', () => {
    const clock = { t: 0 };
    const bucket = createCreditBucket({
      capacity: 1000,
      refillPerSecond: 10_000,
      now: () => clock.t,
    });
    clock.t += 60_000;
    expect(bucket.available()).toBe(1000);
  });

  it('limits get_instruments to a burst of 5, then one per 10 s', async () => {
    const clock = { t: 0 };
    const limiter = createDeribitRateLimiter(() => clock.t);
    for (let i = 0; i < 5; i++) await limiter.acquire('get_instruments');
    const controller = new AbortController();
    const sixth = limiter.acquire('get_instruments', controller.signal);
    await new Promise((r) => setTimeout(r, 20));
    controller.abort(new Error('waited'));
    await expect(sixth).rejects.toThrow('waited');
    await limiter.acquire('ticker'); // other methods are not held back
  });
});

describe('retry policy', () => {
  it('doubles the delay up to the cap, jittered within [d/2, d]', () => {
    const p = { retries: 5, baseMs: 100, maxMs: 1000 };
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, p, () => 0))).toEqual([
      50, 100, 200, 400, 500,
    ]);
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, p, () => 1))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
  });

  it('marks exactly the documented codes retryable', () => {
    expect([...RETRYABLE_CODES].sort()).toEqual([
      10028, 10040, 10041, 10047, 10066, 11051, 11094, 13028, 13888,
    ]);
    expect(isRetryable(new DeribitError(10028, 'too_many_requests'))).toBe(true);
    expect(isRetryable(new DeribitError(-32602, 'Invalid params'))).toBe(false);
    expect(isRetryable(new Error('x'))).toBe(false);
  });

  it('retries retryable errors and gives up after `retries`', async () => {
    let calls = 0;
    const policy = { retries: 2, baseMs: 1, maxMs: 2, random: () => 0 };
    const fail = () => {
      calls++;
      return Promise.reject(new DeribitError(10028, 'too_many_requests'));
    };
    await expect(withRetry(fail, policy, isRetryable)).rejects.toMatchObject({ code: 10028 });
    expect(calls).toBe(3);
  });

  it('never retries other errors', async () => {
    let calls = 0;
    const fail = () => {
      calls++;
      return Promise.reject(new DeribitError(-32602, 'Invalid params'));
    };
    await expect(withRetry(fail, { retries: 5, baseMs: 1, maxMs: 1 }, isRetryable)).rejects.toThrow(
      'Invalid params',
    );
    expect(calls).toBe(1);
  });
});
