import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A hand-driven `requestIdleCallback`: each `idle(ms)` runs the pending callback with `ms` of idle time. */
function fakeIdle() {
  let pending: ((deadline: IdleDeadline) => void) | null = null;
  const requests: (IdleRequestOptions | undefined)[] = [];
  vi.stubGlobal('requestIdleCallback', (cb: (d: IdleDeadline) => void, o?: IdleRequestOptions) => {
    if (pending) throw new Error('two idle callbacks requested at once');
    pending = cb;
    requests.push(o);
    return requests.length;
  });
  return {
    requests,
    get scheduled() {
      return pending !== null;
    },
    idle(ms: number): void {
      const cb = pending;
      pending = null;
      cb?.({ didTimeout: ms === 0, timeRemaining: () => ms });
    },
  };
}

describe('whenIdle', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllGlobals());

  it('runs jobs in order, as many as an idle period has room for, and the rest in the next one', async () => {
    const idle = fakeIdle();
    const { whenIdle } = await import('../../../web/components/idle-queue');
    const ran: string[] = [];
    whenIdle(() => ran.push('a'));
    whenIdle(() => ran.push('b'));
    whenIdle(() => ran.push('c'));
    expect(ran).toEqual([]);
    expect(idle.requests[0]).toEqual({ timeout: 3000 });
    // 5 ms of idle time is under the 10 ms a job is given: one job only.
    idle.idle(5);
    expect(ran).toEqual(['a']);
    idle.idle(50);
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(idle.scheduled).toBe(false);
  });

  it('still runs one job when the deadline passes on a page that never idles', async () => {
    const idle = fakeIdle();
    const { whenIdle } = await import('../../../web/components/idle-queue');
    const ran: string[] = [];
    whenIdle(() => ran.push('a'));
    whenIdle(() => ran.push('b'));
    idle.idle(0);
    expect(ran).toEqual(['a']);
    expect(idle.scheduled).toBe(true);
  });

  it('drops a cancelled job and keeps the others', async () => {
    const idle = fakeIdle();
    const { whenIdle } = await import('../../../web/components/idle-queue');
    const ran: string[] = [];
    whenIdle(() => ran.push('a'));
    const cancel = whenIdle(() => ran.push('b'));
    whenIdle(() => ran.push('c'));
    cancel();
    idle.idle(50);
    expect(ran).toEqual(['a', 'c']);
  });
});
