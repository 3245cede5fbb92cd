/**
 * `GET /api/polymarket/gamma/{markets,events,markets/slug/:slug}` and `/api/polymarket/clob/{book,midpoint,
 * prices-history}`: validated parameters, a short cache, decoded records (Gamma's JSON-encoded lists become
 * arrays), upstream failures → 502 / 504.
 */
import { Hono } from 'hono';
import { httpError } from '../http/errors';
import { polymarketFailure } from './polymarket-errors';
import type { ListParams, PolymarketClient } from '../sources/polymarket/client';
import { createProxyCache } from '../sources/proxy-cache';

const LIST_KEYS: Record<string, (v: string) => boolean> = {
  limit: (v) => /^\d{1,4}$/.test(v),
  offset: (v) => /^\d{1,7}$/.test(v),
  order: (v) => /^[A-Za-z_]{1,40}$/.test(v),
  ascending: (v) => v === 'true' || v === 'false',
  active: (v) => v === 'true' || v === 'false',
  closed: (v) => v === 'true' || v === 'false',
  slug: (v) => /^[a-z0-9-]{1,200}$/.test(v),
  tag_id: (v) => /^\d{1,10}$/.test(v),
};
const TOKEN = /^\d{1,100}$/;

function listParams(query: Record<string, string>): ListParams {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(query)) {
    // Own properties only: `constructor` or `valueOf` must not find Object.prototype's functions.
    const check = Object.hasOwn(LIST_KEYS, k) ? LIST_KEYS[k] : undefined;
    if (!check) throw httpError(400, `unknown parameter: ${k}`);
    if (!check(v)) throw httpError(400, `invalid ${k}: ${v}`);
    out[k] =
      v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) && k !== 'slug' ? Number(v) : v;
  }
  return out as ListParams;
}

function token(v: string | undefined, name: string): string {
  if (v === undefined || !TOKEN.test(v)) throw httpError(400, `invalid ${name}: ${v ?? ''}`);
  return v;
}

/** @example app.route('/api/polymarket', polymarketRoutes(createPolymarketClient({gammaUrl, clobUrl}))); */
export function polymarketRoutes(client: PolymarketClient, cache = createProxyCache()): Hono {
  const app = new Hono();
  const cached = async <T>(key: string, ttl: number, load: () => Promise<T>) => {
    try {
      return await cache.get(key, ttl, load);
    } catch (error) {
      return polymarketFailure(error);
    }
  };
  app.get('/gamma/markets', async (c) => {
    const p = listParams(c.req.query());
    return c.json(await cached(`m${JSON.stringify(p)}`, 10_000, () => client.markets(p)));
  });
  app.get('/gamma/events', async (c) => {
    const p = listParams(c.req.query());
    return c.json(await cached(`e${JSON.stringify(p)}`, 10_000, () => client.events(p)));
  });
  app.get('/gamma/markets/slug/:slug', async (c) => {
    const slug = c.req.param('slug');
    if (!LIST_KEYS.slug!(slug)) throw httpError(400, `invalid slug: ${slug}`);
    return c.json(await cached(`s${slug}`, 10_000, () => client.marketBySlug(slug)));
  });
  app.get('/clob/book', async (c) => {
    const id = token(c.req.query('token_id'), 'token_id');
    return c.json(await cached(`b${id}`, 1_000, () => client.book(id)));
  });
  app.get('/clob/midpoint', async (c) => {
    const id = token(c.req.query('token_id'), 'token_id');
    return c.json({ mid: await cached(`p${id}`, 1_000, () => client.midpoint(id)) });
  });
  app.get('/clob/prices-history', async (c) => {
    const q = c.req.query();
    const market = token(q.market, 'market');
    const p: Parameters<PolymarketClient['pricesHistory']>[0] = { market };
    if (q.interval !== undefined) {
      if (!/^(1m|1h|6h|1d|1w|max)$/.test(q.interval))
        throw httpError(400, `invalid interval: ${q.interval}`);
      p.interval = q.interval;
    }
    for (const k of ['fidelity', 'startTs', 'endTs'] as const) {
      if (q[k] === undefined) continue;
      if (!/^\d{1,12}$/.test(q[k])) throw httpError(400, `invalid ${k}: ${q[k]}`);
      p[k] = Number(q[k]);
    }
    return c.json({
      history: await cached(`h${JSON.stringify(p)}`, 30_000, () => client.pricesHistory(p)),
    });
  });
  return app;
}
