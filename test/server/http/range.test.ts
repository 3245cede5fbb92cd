import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../server/http/range';

describe('parseRange', () => {
  it('resolves bounded, open-ended and suffix ranges (RFC 9110 §14.1.2 examples)', () => {
    expect(parseRange('bytes=0-499', 10000)).toEqual({ start: 0, end: 499 });
    expect(parseRange('bytes=500-999', 10000)).toEqual({ start: 500, end: 999 });
    expect(parseRange('bytes=-500', 10000)).toEqual({ start: 9500, end: 9999 });
    expect(parseRange('bytes=9500-', 10000)).toEqual({ start: 9500, end: 9999 });
    expect(parseRange('bytes=0-0', 10000)).toEqual({ start: 0, end: 0 });
  });

  it('clamps an end past the file and a suffix longer than it', () => {
    expect(parseRange('bytes=10-99999', 100)).toEqual({ start: 10, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
  });

  it('flags ranges that start past the end, zero suffixes and empty files as unsatisfiable', () => {
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=100-200', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-10', 0)).toBe('unsatisfiable');
  });

  it('ignores absent, malformed, reversed and multi-part ranges (the whole file is sent)', () => {
    for (const header of [
      undefined,
      '',
      'bytes=',
      'bytes=-',
      'items=0-1',
      'bytes=5-3',
      'bytes=0-1,4-5',
      'bytes=a-b',
    ]) {
      expect(parseRange(header, 100), String(header)).toBeNull();
    }
  });
});
