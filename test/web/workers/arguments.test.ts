import { describe, expect, it } from 'vitest';
import { plainArgument } from '../../../web/workers/arguments';
import { transferables } from '../../../web/workers/protocol';

describe('plainArgument', () => {
  it('drops functions and abort signals from options', () => {
    const options = {
      window: 25,
      signal: new AbortController().signal,
      onProgress: () => 1,
      nested: { f: () => 2, k: 1 },
    };
    expect(plainArgument(options)).toEqual({ window: 25, nested: { k: 1 } });
  });

  it('turns vectors (anything with toArray) into their arrays, inside arrays too', () => {
    const vector = { toArray: () => Float64Array.of(1, 2, 3), length: 3 };
    expect(plainArgument([vector, vector])).toEqual([
      Float64Array.of(1, 2, 3),
      Float64Array.of(1, 2, 3),
    ]);
  });

  it('copies a view over a larger buffer so only its bytes are sent', () => {
    const big = new Float64Array(1000);
    big[10] = 7;
    const view = big.subarray(10, 12);
    const plain = plainArgument(view) as Float64Array;
    expect(plain.buffer.byteLength).toBe(16);
    expect(Array.from(plain)).toEqual([7, 0]);
    const whole = Float64Array.of(1);
    expect(plainArgument(whole)).toBe(whole);
  });
});

describe('transferables', () => {
  it('lists each buffer once, through arrays and plain objects', () => {
    const a = new Float64Array(4);
    const b = new Int32Array(2);
    const list = transferables({ a, again: a.subarray(1), rows: [b, { b }], n: 1 });
    expect(list).toEqual([a.buffer, b.buffer]);
  });
});
