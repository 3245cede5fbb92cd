import { describe, expect, it } from 'vitest';
import { paramsKey, sliceKey } from '../../../web/viewer/keys';
import { inputsFromUrl, urlWithInputs } from '../../../web/viewer/input-state';

describe('slice and parameter keys', () => {
  it('names a slice by what it holds, not the table it is loaded as or the order of its keys', () => {
    expect(sliceKey({ name: 'ohlcv_daily', as: 'd' })).toBe(sliceKey({ name: 'ohlcv_daily' }));
    expect(sliceKey({ name: 'x', where: { a: 1, b: 'z' } })).toBe(
      sliceKey({ where: { b: 'z', a: 1 }, name: 'x' }),
    );
    expect(sliceKey({ name: 'x', limit: 5 })).not.toBe(sliceKey({ name: 'x', limit: 6 }));
    expect(sliceKey({ name: 'x', columns: undefined })).toBe('{"name":"x"}');
  });

  it('keys parameters with dates as tagged ISO text', () => {
    expect(paramsKey([3, new Date(0)])).toBe('[3,{"$date":"1970-01-01T00:00:00.000Z"}]');
    expect(paramsKey(['BTC'])).not.toBe(paramsKey(['ETH']));
    expect(paramsKey([])).toBe('[]');
  });
});

describe('input values in a URL', () => {
  it('round-trips values through ?inputs=', () => {
    const url = urlWithInputs('https://x/notebooks/a?present=2', { states: 4, observed: '2d' });
    expect(new URL(url).searchParams.get('present')).toBe('2');
    expect(inputsFromUrl(url)).toEqual({ states: 4, observed: '2d' });
    expect(new URL(urlWithInputs(url, {})).searchParams.has('inputs')).toBe(false);
  });

  it('reads a missing, unreadable or non-object value as no inputs', () => {
    expect(inputsFromUrl('https://x/a')).toEqual({});
    expect(inputsFromUrl('https://x/a?inputs=%7Bnot')).toEqual({});
    expect(inputsFromUrl('https://x/a?inputs=%5B1%5D')).toEqual({});
  });
});
