import { describe, expect, it } from 'vitest';
import { createKeyedQueue, createSerialQueue } from '../../../server/util/serial-queue';

/** A task that records its start and end around a yield, so interleaving shows in the log. */
const task =
  (log: string[], name: string, fail = false) =>
  async () => {
    log.push(`start ${name}`);
    await new Promise((r) => setImmediate(r));
    log.push(`end ${name}`);
    if (fail) throw new Error(name);
    return name;
  };

describe('createSerialQueue', () => {
  it('runs tasks one at a time in order, and a failure does not stop the next', async () => {
    const serialize = createSerialQueue();
    const log: string[] = [];
    const results = await Promise.allSettled([
      serialize(task(log, 'a')),
      serialize(task(log, 'b', true)),
      serialize(task(log, 'c')),
    ]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});

describe('createKeyedQueue', () => {
  it('serializes per key and lets different keys interleave', async () => {
    const queue = createKeyedQueue();
    const log: string[] = [];
    await Promise.all([
      queue('x', task(log, 'x1')),
      queue('y', task(log, 'y1')),
      queue('x', task(log, 'x2')),
    ]);
    expect(log.indexOf('end x1')).toBeLessThan(log.indexOf('start x2'));
    expect(log.indexOf('start y1')).toBeLessThan(log.indexOf('end x1'));
  });
});
