/**
 * `GET /api/polymarket/markets?topic=crypto`: Polymarket's BTC/ETH price markets against the options-implied
 * probability of the same event (`server/polymarket-compare/`). Cached for two seconds; Gamma failures → 502/504.
 */
import { Hono } from 'hono';
import { httpError } from '../http/errors';
import { cryptoMarkets, type SurfaceSource } from '../polymarket-compare/markets';
import { PolymarketError, type PolymarketClient } from '../sources/polymarket/client';
import { createProxyCache } from '../sources/proxy-cache';

/** @example app.route('/api/polymarket', polymarketMarketsRoutes(client, surfaceService)); */
export function polymarketMarketsRoutes(
  client: PolymarketClient,
  surfaces: SurfaceSource | null,
  cache = createProxyCache(),
): Hono {
  const app = new Hono();
  app.get('/markets', async (c) => {
    const topic = c.req.query('topic') ?? 'crypto';
    if (topic !== 'crypto')
      throw httpError(400, `invalid topic: ${topic.slice(0, 40)} (only "crypto" is supported)`);
    try {
      return c.json(await cache.get('crypto', 2_000, () => cryptoMarkets(client, surfaces)));
    } catch (error) {
      if (error instanceof PolymarketError)
        throw httpError(502, `upstream error: ${error.message}`, { upstreamStatus: error.status });
      if (error instanceof DOMException && error.name === 'TimeoutError')
        throw httpError(504, 'upstream timeout');
      if (error instanceof TypeError)
        throw httpError(502, `upstream unavailable: ${error.message}`);
      throw error;
    }
  });
  return app;
}
