/** The Polymarket Gamma and CLOB clients against the simulated Gamma/CLOB on loopback. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPolymarketClient,
  decodeList,
  type PolymarketClient,
} from '../../server/sources/polymarket/client';
import { startTestExchange, type TestExchange } from '../server/sources/exchange-fixture';

let ex: TestExchange;
let pm: PolymarketClient;

beforeAll(async () => {
  ex = await startTestExchange();
  pm = createPolymarketClient({
    gammaUrl: `${ex.url}/polymarket/gamma`,
    clobUrl: `${ex.url}/polymarket/clob`,
  });
});
afterAll(() => ex.close());

describe('Polymarket clients on the simulated Gamma/CLOB', () => {
  it('decodes JSON-encoded outcomes, prices and token ids', async () => {
    const markets = await pm.markets({ active: true, limit: 3 });
    expect(markets).toHaveLength(3);
    const m = markets[0]!;
    expect(m.outcomes).toEqual(['Yes', 'No']);
    expect(m.outcomePrices[0]! + m.outcomePrices[1]!).toBeCloseTo(1, 6);
    expect(m.clobTokenIds).toHaveLength(2);
    expect(await pm.marketBySlug(m.slug)).toEqual(m);
    const [event] = await pm.events();
    expect(event!.markets.length).toBe(5);
  });

  it('prices "BTC above X" lower for higher strikes', async () => {
    const monthEnd = (await pm.events())[0]!.markets;
    const yes = monthEnd.map((m) => m.outcomePrices[0]!);
    for (let i = 1; i < yes.length; i++) expect(yes[i]!).toBeLessThanOrEqual(yes[i - 1]!);
  });

  it('reads books with the best quote last, the midpoint and the price history in seconds', async () => {
    const [m] = await pm.markets({ limit: 1 });
    const token = m!.clobTokenIds[0]!;
    const book = await pm.book(token);
    const bestBid = book.bids[book.bids.length - 1]![0];
    const bestAsk = book.asks[book.asks.length - 1]![0];
    expect(book.bids.map((l) => l[0])).toEqual(
      [...book.bids.map((l) => l[0])].sort((a, b) => a - b),
    );
    expect(book.asks.map((l) => l[0])).toEqual(
      [...book.asks.map((l) => l[0])].sort((a, b) => b - a),
    );
    expect(bestBid).toBeLessThan(bestAsk);
    const mid = await pm.midpoint(token);
    expect(mid).toBeCloseTo(m!.outcomePrices[0]!, 6);
    const history = await pm.pricesHistory({ market: token, interval: '1d', fidelity: 60 });
    expect(history.at(-1)!.t).toBe(Math.floor(ex.clock.t / 1000));
  });

  it('accepts the older `mid` field and rejects bad token ids', async () => {
    const old = createPolymarketClient({
      gammaUrl: 'http://x',
      clobUrl: 'http://x',
      fetch: async () => Response.json({ mid: '0.42' }),
    });
    expect(await old.midpoint('1')).toBe(0.42);
    await expect(pm.book('abc')).rejects.toThrow('invalid token_id: abc');
    expect(decodeList('["a","b"]')).toEqual(['a', 'b']);
    expect(decodeList('not json')).toEqual([]);
  });
});
