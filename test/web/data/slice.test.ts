import { describe, expect, it } from 'vitest';
import type { DatasetEntry } from '../../../server/contract';
import { parseSliceBody, parseSliceQuery } from '../../../server/routes/slice-query';
import {
  MAX_SLICE_URL,
  missingTableName,
  sliceRequest,
  sliceUrl,
  slicesFromFrontMatter,
} from '../../../web/data/slice';

describe('sliceUrl', () => {
  it('is the bare slice route for a whole dataset', () => {
    expect(sliceUrl({ name: 'ohlcv_daily' })).toBe('/api/datasets/ohlcv_daily/slice');
  });

  it('carries columns, a structured where and a limit as query parameters', () => {
    const url = new URL(
      sliceUrl({
        name: 'option_chain',
        columns: ['strike', 'mark_iv'],
        where: { currency: 'BTC', date: { from: '2025-06-01', to: '2025-06-30' } },
        limit: 1000,
      }),
      'http://x',
    );
    expect(url.pathname).toBe('/api/datasets/option_chain/slice');
    expect(url.searchParams.get('columns')).toBe('strike,mark_iv');
    expect(JSON.parse(url.searchParams.get('where')!)).toEqual({
      currency: 'BTC',
      date: { from: '2025-06-01', to: '2025-06-30' },
    });
    expect(url.searchParams.get('limit')).toBe('1000');
  });
});

describe('sliceRequest', () => {
  const entry = {
    name: 'option_chain',
    partitionKeys: ['currency'],
    schema: [
      { name: 'instrument', type: 'VARCHAR' },
      { name: 'strike', type: 'DOUBLE' },
    ],
  } as unknown as DatasetEntry;
  const many = Array.from({ length: 3000 }, (_, i) => `BTC-27JUN25-${100000 + i}-C`);
  const spec = { name: 'option_chain', columns: ['strike'], where: { instrument: many }, limit: 9 };

  it('is a GET of sliceUrl while the URL is short', () => {
    const small = { name: 'option_chain', where: { currency: 'BTC' } };
    expect(sliceRequest(small)).toEqual({ url: sliceUrl(small) });
  });

  it('becomes a POST of the same spec when a long where list would pass the URL limit', () => {
    expect(sliceUrl(spec).length).toBeGreaterThan(16 * 1024); // Node answers such a GET with 431
    const request = sliceRequest(spec);
    expect(request.url).toBe('/api/datasets/option_chain/slice');
    expect(request.init).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    // The server reads the body into exactly the query the GET's parameters would have meant.
    const fromBody = parseSliceBody(
      entry,
      JSON.parse(request.init!.body) as Record<string, unknown>,
    );
    const params = Object.fromEntries(new URL(sliceUrl(spec), 'http://x').searchParams);
    expect(fromBody).toEqual(parseSliceQuery(entry, params));
    expect(fromBody.where[0]![1]).toMatchObject({ kind: 'in' });
    expect(sliceRequest(spec, sliceUrl(spec).length)).toEqual({ url: sliceUrl(spec) });
    expect(MAX_SLICE_URL).toBeLessThan(16 * 1024);
  });
});

describe('slicesFromFrontMatter', () => {
  it('reads names and maps, and reports what it cannot read', () => {
    const { specs, errors } = slicesFromFrontMatter([
      'ohlcv_daily',
      { name: 'option_chain', as: 'chain', where: { currency: 'BTC' }, limit: '10' },
      42,
    ]);
    expect(specs).toEqual([
      { name: 'ohlcv_daily' },
      {
        name: 'option_chain',
        as: 'chain',
        where: { currency: 'BTC' },
        columns: undefined,
        limit: 10,
      },
    ]);
    expect(errors).toEqual(['invalid datasets entry: 42']);
  });

  it('accepts a single name and nothing at all', () => {
    expect(slicesFromFrontMatter('dvol_daily').specs).toEqual([{ name: 'dvol_daily' }]);
    expect(slicesFromFrontMatter(undefined)).toEqual({ specs: [], errors: [] });
  });
});

describe('missingTableName', () => {
  it('finds the table DuckDB could not find', () => {
    expect(missingTableName('Catalog Error: Table with name ohlcv_daily does not exist!')).toBe(
      'ohlcv_daily',
    );
    expect(missingTableName('Parser Error: syntax error')).toBe(null);
  });
});
