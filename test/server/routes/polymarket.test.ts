/** The Polymarket proxy through `app.request`, over a scripted upstream `fetch`. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleError } from '../../../server/http/errors';
import { polymarketRoutes } from '../../../server/routes/polymarket';
import { createPolymarketClient } from '../../../server/sources/polymarket/client';

function setup(answer: (url: URL) => Response) {
  const calls: URL[] = [];
  const client = createPolymarketClient({
    gammaUrl: 'http://gamma.test',
    clobUrl: 'http://clob.test',
    fetch: async (input) => {
      const url = new URL(String(input));
      calls.push(url);
      return answer(url);
    },
  });
  const app = new Hono();
  app.onError(handleError);
  app.route('/api/polymarket', polymarketRoutes(client));
  return { app, calls };
}

const market = {
  id: '1',
  slug: 'btc-above-100000',
  question: 'Q',
  outcomes: '["Yes","No"]',
  outcomePrices: '["0.3","0.7"]',
  clobTokenIds: '["11","12"]',
  active: true,
  closed: false,
  extra: 1,
};

describe('/api/polymarket proxy', () => {
  it('decodes Gamma markets and forwards validated list parameters once per TTL', async () => {
    const { app, calls } = setup(() => Response.json([market]));
    const res = await app.request('/api/polymarket/gamma/markets?active=true&limit=5');
    expect(await res.json()).toEqual([
      expect.objectContaining({
        outcomes: ['Yes', 'No'],
        outcomePrices: [0.3, 0.7],
        clobTokenIds: ['11', '12'],
      }),
    ]);
    await app.request('/api/polymarket/gamma/markets?active=true&limit=5');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.searchParams.get('limit')).toBe('5');
  });

  it('rejects unknown parameters and bad token ids', async () => {
    const { app, calls } = setup(() => Response.json({}));
    expect((await app.request('/api/polymarket/gamma/markets?evil=1')).status).toBe(400);
    expect((await app.request('/api/polymarket/clob/book?token_id=abc')).status).toBe(400);
    expect(
      (await app.request('/api/polymarket/clob/prices-history?market=1&interval=2y')).status,
    ).toBe(400);
    expect(calls).toHaveLength(0);
  });

  it('maps an upstream HTTP error to 502', async () => {
    const { app } = setup(() => new Response('nope', { status: 500 }));
    const res = await app.request('/api/polymarket/clob/midpoint?token_id=11');
    expect(res.status).toBe(502);
  });

  it('accepts only list parameters it names itself: Object.prototype names are unknown (400)', async () => {
    const { app, calls } = setup(() => Response.json([market]));
    for (const name of ['constructor', 'valueOf', 'toString', 'hasOwnProperty']) {
      const res = await app.request(`/api/polymarket/gamma/markets?limit=5&${name}=1`);
      expect(res.status, name).toBe(400);
      expect((await res.json()).error.message).toBe(`unknown parameter: ${name}`);
    }
    expect(calls).toHaveLength(0);
  });
});
