import { describe, expect, it } from 'vitest';
import { isCacheableQuery } from '../../../web/data/cacheable-query';

describe('isCacheableQuery', () => {
  it('accepts one read-only statement', () => {
    expect(
      isCacheableQuery('SELECT date, close FROM ohlcv_daily WHERE symbol = ? ORDER BY date'),
    ).toBe(true);
    expect(isCacheableQuery('WITH r AS (SELECT 1 AS x) SELECT x FROM r;')).toBe(true);
    expect(isCacheableQuery('-- daily bars\nFROM ohlcv_daily LIMIT 5')).toBe(true);
  });

  it('refuses statements that write or run more than one statement', () => {
    expect(isCacheableQuery('CREATE TABLE t AS SELECT 1')).toBe(false);
    expect(isCacheableQuery('INSERT INTO t VALUES (1)')).toBe(false);
    expect(isCacheableQuery('SELECT 1; DROP TABLE t')).toBe(false);
    expect(isCacheableQuery('')).toBe(false);
  });

  it('refuses volatile functions and file readers, but not names that merely contain them', () => {
    expect(isCacheableQuery('SELECT random() FROM t')).toBe(false);
    expect(isCacheableQuery('SELECT * FROM t WHERE date < current_date')).toBe(false);
    expect(isCacheableQuery("SELECT * FROM read_parquet('x.parquet')")).toBe(false);
    expect(isCacheableQuery("SELECT 'random()' AS label, now_price FROM t")).toBe(true);
  });

  it('refuses text it cannot tokenize', () => {
    expect(isCacheableQuery('SELECT 1 /* unterminated')).toBe(false);
  });
});
