/**
 * `GET /api/volatility/surface/latest?currency=BTC` (the full live surface) and
 * `POST /api/volatility/surface/freeze?currency=BTC` (the chain behind it, written as a snapshot). Thin: the
 * surface service does the work; an unreachable exchange becomes 503, a bad currency 400.
 */
import { Hono } from 'hono';
import { httpError } from '../http/errors';
import { SURFACE_CURRENCIES, type SurfaceService } from '../surface/service';
import type { SurfaceCurrency } from '../contract/surface';

function currencyOf(value: string | undefined): SurfaceCurrency {
  const c = (value ?? '').toUpperCase();
  if (!(SURFACE_CURRENCIES as readonly string[]).includes(c))
    throw httpError(400, `invalid currency: ${(value ?? '').slice(0, 20)} (expected BTC or ETH)`);
  return c as SurfaceCurrency;
}

async function upstream<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw httpError(503, `live surface unavailable: ${message.slice(0, 200)}`);
  }
}

/** @example app.route('/api/volatility', volatilityRoutes(surfaces)); */
export function volatilityRoutes(surfaces: SurfaceService): Hono {
  const app = new Hono();
  app.get('/surface/latest', async (c) => {
    const currency = currencyOf(c.req.query('currency'));
    return c.json(await upstream(() => surfaces.latest(currency)));
  });
  app.post('/surface/freeze', async (c) => {
    const currency = currencyOf(c.req.query('currency'));
    return c.json(await upstream(() => surfaces.freeze(currency)), 201);
  });
  return app;
}
