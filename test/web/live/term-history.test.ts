import { describe, expect, it } from 'vitest';
import { TermHistory } from '../../../web/live/term-history';

const curve = (asOf: number, iv: number) => ({ asOf, days: [7, 30], atm_iv: [iv, iv + 1] });

describe('TermHistory', () => {
  it('keeps one sample per interval and answers "as of an hour ago" with the newest sample at or before it', () => {
    const h = new TermHistory(30_000, 2 * 3_600_000);
    for (let t = 0; t <= 3_600_000; t += 10_000) h.add(curve(t, t / 100_000));
    expect(h.size).toBe(3_600_000 / 30_000 + 1);
    expect(h.at(3_600_000, 3_600_000)).toEqual(curve(0, 0));
    expect(h.at(3_600_000 + 45_000, 3_600_000)).toEqual(curve(30_000, 0.3));
    expect(h.at(3_600_000, 86_400_000)).toBeNull();
  });

  it('forgets samples older than it keeps', () => {
    const h = new TermHistory(1_000, 10_000);
    for (let t = 0; t <= 20_000; t += 1_000) h.add(curve(t, 1));
    expect(h.since()).toBe(10_000);
    h.add(curve(5_000, 1)); // out of order: ignored
    expect(h.size).toBe(11);
  });
});
