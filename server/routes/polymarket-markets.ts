/**
 * `GET /api/polymarket/markets?topic=crypto`: Polymarket's BTC/ETH price markets against the options-implied
 * probability of the same event (`server/polymarket-compare/`). Cached for two seconds; Gamma failures → 502/504.
 */
import { Hono } from 'hono';
import { httpError } from '../http/errors';
import { polymarketFailure } from './polymarket-errors';
import { cryptoMarkets, type SurfaceSource } from '../polymarket-compare/markets';
import type { PolymarketClient } from '../sources/polymarket/client';
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
      return polymarketFailure(error);
    }
  });
  return app;
}
