/**
 * The Deribit proxy through `app.request`, against a scripted upstream `fetch` so each upstream answer
 * (result, 429, timeout, error) and the number of upstream calls are known exactly.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleError, handleNotFound } from '../../../server/http/errors';
import { deribitRoutes } from '../../../server/routes/deribit';
import { createDeribitHttpClient } from '../../../server/sources/deribit/http-client';

function setup(
  answer: (url: URL, signal?: AbortSignal) => Response | Promise<Response>,
  timeoutMs = 1000,
) {
  const calls: URL[] = [];
  const client = createDeribitHttpClient({
    baseUrl: 'http://upstream.test',
    limiter: null,
    timeoutMs,
    backoff: { retries: 2, baseMs: 1, maxMs: 1, random: () => 0 },
    fetch: async (input, init) => {
      const url = new URL(String(input));
      calls.push(url);
      if (init?.signal?.aborted) throw init.signal.reason;
      return answer(url, init?.signal ?? undefined);
    },
  });
  const app = new Hono();
  app.onError(handleError);
  app.notFound(handleNotFound);
  app.route('/api/deribit', deribitRoutes(client));
  return { app, calls };
}

const ok = (result: unknown) =>
  Response.json({ jsonrpc: '2.0', result, usIn: 1, usOut: 2, usDiff: 1, testnet: false });

describe('/api/deribit proxy', () => {
  it('forwards an allowed method with its parameters and caches the answer for its TTL', async () => {
    const { app, calls } = setup(() => ok({ index_price: 100, estimated_delivery_price: 100 }));
    const first = await app.request('/api/deribit/get_index_price?index_name=btc_usd');
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      result: { index_price: 100, estimated_delivery_price: 100 },
      cached: false,
    });
    const second = await app.request('/api/deribit/get_index_price?index_name=btc_usd');
    expect(await second.json()).toMatchObject({ cached: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.pathname).toBe('/api/v2/public/get_index_price');
    expect(calls[0]!.searchParams.get('index_name')).toBe('btc_usd');
  });

  it('rejects methods off the allow-list and invalid, unknown or missing parameters', async () => {
    const { app, calls } = setup(() => ok(1));
    expect((await app.request('/api/deribit/buy?instrument_name=BTC-PERPETUAL')).status).toBe(404);
    const bad = await app.request(
      '/api/deribit/get_last_trades_by_currency_and_time?currency=BTC&start_timestamp=0&end_timestamp=1&count=5000',
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe(
      'invalid count: 5000',
    );
    expect(
      (await app.request('/api/deribit/ticker?instrument_name=BTC-PERPETUAL&x=1')).status,
    ).toBe(400);
    expect((await app.request('/api/deribit/ticker')).status).toBe(400);
    expect(calls).toHaveLength(0);
  });

  it('maps a persistent 429 to 503 with Retry-After', async () => {
    const { app, calls } = setup(() =>
      Response.json(
        { jsonrpc: '2.0', error: { code: 10028, message: 'too_many_requests' } },
        { status: 429 },
      ),
    );
    const res = await app.request('/api/deribit/ticker?instrument_name=BTC-PERPETUAL');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(calls).toHaveLength(3); // first try + 2 retries
  });

  it('maps an upstream timeout to 504', async () => {
    const hang = (_: URL, signal?: AbortSignal) =>
      new Promise<Response>((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(signal.reason)),
      );
    const { app } = setup(hang, 30);
    const res = await app.request('/api/deribit/ticker?instrument_name=BTC-PERPETUAL');
    expect(res.status).toBe(504);
  });

  it('maps other exchange errors to 502 with the code, without retrying', async () => {
    const { app, calls } = setup(() =>
      Response.json(
        { jsonrpc: '2.0', error: { code: -32602, message: 'Invalid params' } },
        { status: 400 },
      ),
    );
    const res = await app.request('/api/deribit/ticker?instrument_name=BTC-PERPETUAL');
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: -32602 } });
    expect(calls).toHaveLength(1);
  });

  it('accepts only parameters the allow-list names itself: Object.prototype names are unknown (400)', async () => {
    const { app, calls } = setup(() => ok({ mark_price: 1 }));
    for (const name of ['constructor', 'valueOf', 'toString', 'hasOwnProperty', '__proto__']) {
      const res = await app.request(`/api/deribit/ticker?instrument_name=BTC-PERPETUAL&${name}=1`);
      expect(res.status, name).toBe(400);
      expect((await res.json()).error.message).toBe(`unknown parameter: ${name}`);
    }
    expect((await app.request('/api/deribit/ticker?constructor=x')).status).toBe(400);
    expect(calls).toHaveLength(0);
  });
});
