import { tableFromArrays, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { logReturns, simpleReturns } from '../../../cells/series/returns';

describe('logReturns', () => {
  it('takes ln(p[t+1]/p[t]) with length n − 1', () => {
    const r = logReturns([100, 110, 99]);
    expect(r).toBeInstanceOf(Float64Array);
    expect(r.length).toBe(2);
    expect(r[0]).toBeCloseTo(Math.log(1.1), 15);
    expect(r[1]).toBeCloseTo(Math.log(0.9), 15);
  });

  it('reads Float64Array, number[], Arrow vectors and Arrow table columns alike', () => {
    const prices = [100, 101, 99.5, 102];
    const expected = logReturns(Float64Array.from(prices));
    expect(logReturns(prices)).toEqual(expected);
    expect(logReturns(vectorFromArray(prices))).toEqual(expected);
    const table = tableFromArrays({ close: Float64Array.from(prices) });
    expect(logReturns(table.getChild('close')!)).toEqual(expected);
  });

  it('turns Arrow nulls into NaN returns on both sides', () => {
    const r = logReturns(vectorFromArray([100, null, 102, 103]));
    expect(Number.isNaN(r[0])).toBe(true);
    expect(Number.isNaN(r[1])).toBe(true);
    expect(r[2]).toBeCloseTo(Math.log(103 / 102), 15);
  });

  it('gives an empty array for fewer than two prices', () => {
    expect(logReturns([5]).length).toBe(0);
    expect(logReturns([]).length).toBe(0);
  });
});

describe('simpleReturns', () => {
  it('takes p[t+1]/p[t] − 1', () => {
    const r = simpleReturns([100, 110, 99]);
    expect(r[0]).toBeCloseTo(0.1, 15);
    expect(r[1]).toBeCloseTo(-0.1, 15);
  });
});
