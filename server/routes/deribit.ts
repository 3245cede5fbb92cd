/**
 * `GET /api/deribit/<method>?…`: an allow-list of Deribit public methods with validated parameters and a
 * cache TTL each, forwarded through the Deribit client (rate limits and retries included). Upstream errors
 * become clear JSON: rate limited (10028 after retries) → 503 with Retry-After, timeout → 504, other
 * exchange errors → 502 with the exchange's code.
 */
import { Hono } from 'hono';
import { httpError } from '../http/errors';
import type { DeribitHttpClient } from '../sources/deribit/http-client';
import { DeribitError, DeribitTransportError } from '../sources/deribit/rpc';
import { createProxyCache } from '../sources/proxy-cache';

type Check = (v: string) => boolean;
const currency: Check = (v) => /^[A-Z]{2,6}$/.test(v);
const instrument: Check = (v) => /^[A-Z0-9_]+(-[A-Za-z0-9]+){0,3}$/.test(v);
const int: Check = (v) => /^\d{1,16}$/.test(v);
const kind: Check = (v) => ['option', 'future', 'spot', 'future_combo', 'option_combo'].includes(v);
const boolean: Check = (v) => v === 'true' || v === 'false';
const index: Check = (v) => /^[a-z]{2,6}_usdc?$/.test(v);
const resolution: Check = (v) => /^(\d{1,5}|1D)$/.test(v);

interface MethodSpec {
  ttlMs: number;
  required: Record<string, Check>;
  optional?: Record<string, Check>;
}

/** The check an allow-list names for `key`, if it names one itself (never an inherited property). */
function ownCheck(checks: Record<string, Check> | undefined, key: string): Check | undefined {
  return checks !== undefined && Object.hasOwn(checks, key) ? checks[key] : undefined;
}

/** The allow-list: method → parameters and cache TTL. */
export const DERIBIT_METHODS: Readonly<Record<string, MethodSpec>> = {
  get_instruments: { ttlMs: 60_000, required: { currency }, optional: { kind, expired: boolean } },
  get_book_summary_by_currency: { ttlMs: 2_000, required: { currency }, optional: { kind } },
  ticker: { ttlMs: 500, required: { instrument_name: instrument } },
  get_order_book: {
    ttlMs: 500,
    required: { instrument_name: instrument },
    optional: { depth: int },
  },
  get_index_price: { ttlMs: 1_000, required: { index_name: index } },
  get_volatility_index_data: {
    ttlMs: 30_000,
    required: { currency, start_timestamp: int, end_timestamp: int, resolution },
  },
  get_tradingview_chart_data: {
    ttlMs: 30_000,
    required: { instrument_name: instrument, start_timestamp: int, end_timestamp: int, resolution },
  },
  get_last_trades_by_currency_and_time: {
    ttlMs: 5_000,
    required: { currency, start_timestamp: int, end_timestamp: int },
    optional: {
      kind: (v) => kind(v) || v === 'any',
      count: (v) => int(v) && Number(v) >= 1 && Number(v) <= 1000,
      sorting: (v) => ['asc', 'desc', 'default'].includes(v),
    },
  },
  get_historical_volatility: { ttlMs: 60_000, required: { currency } },
  get_delivery_prices: {
    ttlMs: 60_000,
    required: { index_name: index },
    optional: { offset: int, count: int },
  },
};

/** Map an upstream failure to an HTTP error. */
export function upstreamError(error: unknown): Error {
  if (error instanceof DeribitError) {
    if (error.code === 10028 || error.retryable)
      return httpError(503, `upstream busy: ${error.message}`, { code: error.code, retryAfter: 1 });
    return httpError(502, `upstream error: ${error.message}`, {
      code: error.code,
      data: error.data,
    });
  }
  if (error instanceof DeribitTransportError)
    return httpError(
      error.timeout ? 504 : 502,
      error.timeout ? 'upstream timeout' : `upstream unavailable: ${error.message}`,
    );
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * @example
 * app.route('/api/deribit', deribitRoutes(createDeribitHttpClient({baseUrl: config.deribitUrl})));
 * // GET /api/deribit/ticker?instrument_name=BTC-PERPETUAL → {result: {...}, cached: false}
 */
export function deribitRoutes(client: DeribitHttpClient, cache = createProxyCache()): Hono {
  const app = new Hono();
  app.get('/:method', async (c) => {
    const method = c.req.param('method');
    const spec = Object.hasOwn(DERIBIT_METHODS, method) ? DERIBIT_METHODS[method]! : undefined;
    if (!spec)
      throw httpError(404, `unknown method: ${method}`, { allowed: Object.keys(DERIBIT_METHODS) });
    const query = c.req.query();
    // Own properties only: `constructor` or `valueOf` must not find Object.prototype's functions.
    const params: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [key, value] of Object.entries(query)) {
      const check = ownCheck(spec.required, key) ?? ownCheck(spec.optional, key);
      if (!check) throw httpError(400, `unknown parameter: ${key}`);
      if (!check(value)) throw httpError(400, `invalid ${key}: ${value}`);
      params[key] = value;
    }
    for (const key of Object.keys(spec.required))
      if (!Object.hasOwn(params, key)) throw httpError(400, `missing ${key}`);
    const key = `${method}?${Object.keys(params)
      .sort()
      .map((k) => `${k}=${params[k]}`)
      .join('&')}`;
    let fresh = false;
    try {
      const result = await cache.get(key, spec.ttlMs, () => {
        fresh = true;
        return client.call(method, params);
      });
      c.header('cache-control', `private, max-age=${Math.floor(spec.ttlMs / 1000)}`);
      return c.json({ result, cached: !fresh });
    } catch (error) {
      const mapped = upstreamError(error);
      if (mapped instanceof Error && 'status' in mapped && mapped.status === 503)
        c.header('Retry-After', '1');
      throw mapped;
    }
  });
  return app;
}
