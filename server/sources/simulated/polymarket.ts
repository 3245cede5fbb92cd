/**
 * A small simulated Gamma + CLOB: "BTC above $X on <date>" markets priced from the simulated market
 * (P(S_T > X) under a lognormal with the feed's DVOL), served in Polymarket's wire shapes: JSON-encoded
 * string lists on Gamma, CLOB books with bids ascending and asks descending, price history in seconds.
 */
import { Hono } from 'hono';
import { normalCdf } from '../../../cells/math/normal';
import type { SimulatedMarket } from './market';
import { MS_PER_MINUTE, MS_PER_YEAR } from '../../../cells/time';

interface SimMarket {
  id: string;
  slug: string;
  question: string;
  strike: number;
  endMs: number;
  yes: string;
  no: string;
}

function listMarkets(m: SimulatedMarket): SimMarket[] {
  const t = m.time();
  const spot = m.feed.indexPrice('BTC');
  const step = 10 ** Math.floor(Math.log10(spot)) / 2;
  const endMs = Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth() + 1, 1, 16);
  const date = new Date(endMs).toISOString().slice(0, 10);
  return [-2, -1, 0, 1, 2].map((k, i) => {
    const strike = Math.round(spot / step + k) * step;
    return {
      id: String(500 + i),
      slug: `btc-above-${strike}-on-${date}`,
      question: `Will BTC be above $${strike.toLocaleString('en-US')} on ${date}?`,
      strike,
      endMs,
      yes: String(10n ** 20n + BigInt(2 * i)),
      no: String(10n ** 20n + BigInt(2 * i + 1)),
    };
  });
}

function probability(m: SimulatedMarket, x: SimMarket, t = m.time()): number {
  const T = Math.max(x.endMs - t, MS_PER_MINUTE) / MS_PER_YEAR;
  const sigma = m.feed.dvol('BTC') / 100;
  const d2 =
    (Math.log(m.feed.indexPrice('BTC') / x.strike) - 0.5 * sigma * sigma * T) /
    (sigma * Math.sqrt(T));
  return Math.min(0.99, Math.max(0.01, Math.round(normalCdf(d2) * 1000) / 1000));
}

function gamma(m: SimulatedMarket, x: SimMarket) {
  const p = probability(m, x);
  return {
    id: x.id,
    slug: x.slug,
    question: x.question,
    endDate: new Date(x.endMs).toISOString(),
    active: true,
    closed: false,
    outcomes: JSON.stringify(['Yes', 'No']),
    outcomePrices: JSON.stringify([String(p), String(Math.round((1 - p) * 1000) / 1000)]),
    clobTokenIds: JSON.stringify([x.yes, x.no]),
    volume: '125000.5',
    liquidity: '40000',
  };
}

/** Gamma at `/polymarket/gamma`, CLOB at `/polymarket/clob`, to mount on the simulated exchange. */
export function simulatedPolymarket(m: SimulatedMarket): Hono {
  const app = new Hono();
  const find = (token: string) => {
    for (const x of listMarkets(m))
      if (x.yes === token || x.no === token) return { x, yes: x.yes === token };
    return null;
  };
  app.get('/polymarket/gamma/markets', (c) => {
    const limit = Number(c.req.query('limit') ?? 100);
    const offset = Number(c.req.query('offset') ?? 0);
    const slug = c.req.query('slug');
    const all = listMarkets(m).filter((x) => !slug || x.slug === slug);
    return c.json(all.slice(offset, offset + limit).map((x) => gamma(m, x)));
  });
  app.get('/polymarket/gamma/events', (c) => {
    const markets = listMarkets(m);
    return c.json([
      {
        id: '90',
        slug: 'bitcoin-price-month-end',
        title: 'Bitcoin above ___ at month end?',
        markets: markets.map((x) => gamma(m, x)),
      },
    ]);
  });
  app.get('/polymarket/gamma/markets/slug/:slug', (c) => {
    const x = listMarkets(m).find((y) => y.slug === c.req.param('slug'));
    return x ? c.json(gamma(m, x)) : c.json({ error: 'not found' }, 404);
  });
  app.get('/polymarket/clob/book', (c) => {
    const hit = find(c.req.query('token_id') ?? '');
    if (!hit) return c.json({ error: 'No orderbook exists for the requested token id' }, 404);
    const p = hit.yes ? probability(m, hit.x) : 1 - probability(m, hit.x);
    const lv = (q: number, k: number) => ({
      price: (Math.round(q * 100) / 100).toFixed(2),
      size: String(100 * (k + 1)),
    });
    return c.json({
      market: hit.x.id,
      asset_id: c.req.query('token_id'),
      timestamp: String(m.time()),
      bids: [3, 2, 1].map((k) => lv(p - 0.01 * k, k)).filter((l) => Number(l.price) > 0),
      asks: [3, 2, 1].map((k) => lv(p + 0.01 * k, k)).filter((l) => Number(l.price) < 1),
    });
  });
  app.get('/polymarket/clob/midpoint', (c) => {
    const hit = find(c.req.query('token_id') ?? '');
    if (!hit) return c.json({ error: 'not found' }, 404);
    return c.json({
      mid_price: String(hit.yes ? probability(m, hit.x) : 1 - probability(m, hit.x)),
    });
  });
  app.get('/polymarket/clob/prices-history', (c) => {
    const hit = find(c.req.query('market') ?? '');
    if (!hit) return c.json({ error: 'not found' }, 404);
    const p = hit.yes ? probability(m, hit.x) : 1 - probability(m, hit.x);
    const t = Math.floor(m.time() / 1000);
    return c.json({
      history: [
        { t: t - 120, p },
        { t: t - 60, p },
        { t, p },
      ],
    });
  });
  return app;
}
