import { describe, expect, it } from 'vitest';
import { compile } from '../../../web/notebook/compile';
import type { SqlContext } from '../../../web/notebook/define';
import { startEarlySql } from '../../../web/notebook/early-sql';
import { parse } from '../../../web/notebook/parse';

const notebook = [
  '---',
  'title: Early',
  'datasets: [ohlcv_daily]',
  '---',
  '```sql id=daily',
  "SELECT date, close FROM ohlcv_daily WHERE symbol = 'BTC'",
  '```',
  '```js',
  'const symbol = "ETH"',
  '```',
  '```sql id=other',
  'SELECT close FROM ohlcv_daily WHERE symbol = ${symbol}',
  '```',
  '```sql',
  'CREATE TABLE btc AS SELECT * FROM ohlcv_daily',
  '```',
  '```sql id=fromCreated',
  'SELECT count(*) FROM btc',
  '```',
].join('\n');

function started() {
  const calls: { query: string; params: unknown[]; context: SqlContext }[] = [];
  const early = startEarlySql(compile(parse(notebook)), (query, params, context) => {
    calls.push({ query, params, context });
    return Promise.resolve(`answer ${calls.length}`);
  });
  return { calls, early };
}

describe('startEarlySql', () => {
  it('sends only the queries that need nothing from other cells, with the context the cell would give', () => {
    const { calls } = started();
    expect(calls.map((c) => c.query)).toEqual([
      "SELECT date, close FROM ohlcv_daily WHERE symbol = 'BTC'",
    ]);
    expect(calls[0]!.params).toEqual([]);
    expect(calls[0]!.context).toMatchObject({
      datasets: ['ohlcv_daily'],
      tables: [],
      referenced: ['ohlcv_daily'],
    });
  });

  it('hands the early answer to the first run of that query only', async () => {
    const { early } = started();
    const query = "SELECT date, close FROM ohlcv_daily WHERE symbol = 'BTC'";
    await expect(early.take(query, [])).resolves.toBe('answer 1');
    expect(early.take(query, [])).toBeNull();
    expect(early.take('SELECT count(*) FROM btc', [])).toBeNull();
  });

  it('keeps a failed early query quiet until the cell takes it, then fails the cell', async () => {
    const early = startEarlySql(compile(parse(notebook)), () =>
      Promise.reject(new Error('no such table')),
    );
    // No unhandled rejection is reported for the answer nobody has taken yet (vitest fails the run if so).
    await new Promise((resolve) => setImmediate(resolve));
    await expect(
      early.take("SELECT date, close FROM ohlcv_daily WHERE symbol = 'BTC'", [])!,
    ).rejects.toThrow('no such table');
  });
});
