/**
 * A small simulated Gamma + CLOB, priced from the simulated market under a lognormal with the feed's DVOL:
 * "BTC above $X on <date>" markets at five strikes around spot (the first event), plus a "between" market, a
 * path-dependent "reach" market, a far-dated "above" market no options expiry reaches and a crypto question that
 * is not a price event (the second event). Served in Polymarket's wire shapes: JSON-encoded string lists on
 * Gamma, CLOB books with bids ascending and asks descending, price history in seconds.
 */
import { Hono } from 'hono';
import { normalCdf } from '../../../cells/math/normal';
import type { SimulatedMarket } from './market';
import { MS_PER_MINUTE, MS_PER_YEAR } from '../../../cells/time';

type SimEvent =
  | { kind: 'above'; strike: number }
  | { kind: 'between'; low: number; high: number }
  | { kind: 'reach'; strike: number }
  | { kind: 'other'; p: number };

interface SimMarket {
  id: string;
  slug: string;
  question: string;
  event: SimEvent;
  endMs: number;
  yes: string;
  no: string;
  group: 'month-end' | 'other';
}

function listMarkets(m: SimulatedMarket): SimMarket[] {
  const t = m.time();
  const spot = m.feed.indexPrice('BTC');
  const step = 10 ** Math.floor(Math.log10(spot)) / 2;
  const now = new Date(t);
  const endMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 16);
  const date = new Date(endMs).toISOString().slice(0, 10);
  const money = (x: number) => `$${x.toLocaleString('en-US')}`;
  const market = (i: number, slug: string, question: string, event: SimEvent, end = endMs) => ({
    id: String(500 + i),
    slug,
    question,
    event,
    endMs: end,
    yes: String(10n ** 20n + BigInt(2 * i)),
    no: String(10n ** 20n + BigInt(2 * i + 1)),
    group: i < 5 ? ('month-end' as const) : ('other' as const),
  });
  const above = [-2, -1, 0, 1, 2].map((k, i) => {
    const strike = Math.round(spot / step + k) * step;
    return market(
      i,
      `btc-above-${strike}-on-${date}`,
      `Will BTC be above ${money(strike)} on ${date}?`,
      { kind: 'above', strike },
    );
  });
  const atm = Math.round(spot / step) * step;
  const far = Date.UTC(now.getUTCFullYear() + 3, 0, 1, 16);
  const farDate = new Date(far).toISOString().slice(0, 10);
  return [
    ...above,
    market(
      5,
      `btc-between-${atm - step}-${atm + step}-on-${date}`,
      `Will BTC be between ${money(atm - step)} and ${money(atm + step)} on ${date}?`,
      { kind: 'between', low: atm - step, high: atm + step },
    ),
    market(
      6,
      `btc-reach-${atm + 2 * step}-by-${date}`,
      `Will Bitcoin reach ${money(atm + 2 * step)} by ${date}?`,
      { kind: 'reach', strike: atm + 2 * step },
    ),
    market(
      7,
      `btc-above-${atm}-on-${farDate}`,
      `Will BTC be above ${money(atm)} on ${farDate}?`,
      { kind: 'above', strike: atm },
      far,
    ),
    market(
      8,
      `bitcoin-etf-inflows-${date}`,
      `Bitcoin ETF net inflows positive in the week to ${date}?`,
      { kind: 'other', p: 0.6 },
    ),
  ];
}

/** P(S_T > K) with zero drift in the forward: N(d2). */
function above(spot: number, strike: number, sigma: number, T: number): number {
  return normalCdf((Math.log(spot / strike) - 0.5 * sigma * sigma * T) / (sigma * Math.sqrt(T)));
}

function probability(m: SimulatedMarket, x: SimMarket, t = m.time()): number {
  const T = Math.max(x.endMs - t, MS_PER_MINUTE) / MS_PER_YEAR;
  const sigma = m.feed.dvol('BTC') / 100;
  const spot = m.feed.indexPrice('BTC');
  const e = x.event;
  let p: number;
  if (e.kind === 'above') p = above(spot, e.strike, sigma, T);
  else if (e.kind === 'between') p = above(spot, e.low, sigma, T) - above(spot, e.high, sigma, T);
  else if (e.kind === 'reach') {
    // Touching H > S before T for a log price with drift −σ²/2 (reflection principle).
    const b = Math.log(e.strike / spot);
    const v = sigma * Math.sqrt(T);
    p = normalCdf((-b - 0.5 * v * v) / v) + (spot / e.strike) * normalCdf((-b + 0.5 * v * v) / v);
  } else p = e.p;
  return Math.min(0.99, Math.max(0.01, Math.round(p * 1000) / 1000));
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
        markets: markets.filter((x) => x.group === 'month-end').map((x) => gamma(m, x)),
      },
      {
        id: '91',
        slug: 'bitcoin-other-price-questions',
        title: 'Bitcoin: ranges, touches and the long run',
        markets: markets.filter((x) => x.group === 'other').map((x) => gamma(m, x)),
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
