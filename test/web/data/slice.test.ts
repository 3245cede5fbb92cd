import { describe, expect, it } from 'vitest';
import { missingTableName, sliceUrl, slicesFromFrontMatter } from '../../../web/data/slice';

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
