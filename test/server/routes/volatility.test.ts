/** `/api/volatility/surface/*` through `app.request`, on a scripted surface service. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleError, handleNotFound } from '../../../server/http/errors';
import { volatilityRoutes } from '../../../server/routes/volatility';
import type { SurfaceService } from '../../../server/surface/service';
import type { FreezeResult, SurfaceState } from '../../../server/contract/surface';
import { jsonApi } from './fixtures';

const state = (currency: 'BTC' | 'ETH') => ({ currency, asOf: 42, stale: false }) as SurfaceState;

function setup(fail = false) {
  const calls: string[] = [];
  const service: SurfaceService = {
    latest: async (c) => {
      calls.push(`latest ${c}`);
      if (fail) throw new Error('upstream not connected');
      return state(c);
    },
    chain: async (c) => {
      calls.push(`chain ${c}`);
      return { currency: c, asOf: 42, index: null, refreshIndex: null, dvol: null, options: [] };
    },
    freeze: async (c) => {
      calls.push(`freeze ${c}`);
      return {
        currency: c,
        asOf: 42,
        rows: 3,
        added: 3,
        dataset: 'chain_snapshots',
        partitions: ['p'],
        surface: state(c),
      } as FreezeResult;
    },
    refresh: async () => {},
    channels: { has: () => false, subscribe: () => {}, unsubscribe: () => {} },
    onIndex: () => () => {},
    stats: () => ({ fits: { BTC: 0, ETH: 0 }, following: [] }),
    close: () => {},
  };
  const app = new Hono();
  app.onError(handleError);
  app.notFound(handleNotFound);
  app.route('/api/volatility', volatilityRoutes(service));
  // One place to add the sidecar token once routes require it.
  return { api: jsonApi(() => app, '/api/volatility'), calls };
}

describe('/api/volatility/surface', () => {
  it('serves the latest surface of a currency, case-insensitively', async () => {
    const { api, calls } = setup();
    const res = await api('/surface/latest?currency=btc');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ currency: 'BTC', asOf: 42, stale: false });
    expect(calls).toEqual(['latest BTC']);
  });

  it('freezes with POST and answers 201 with what was written', async () => {
    const { api, calls } = setup();
    const res = await api('/surface/freeze?currency=ETH', { method: 'POST' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      currency: 'ETH',
      rows: 3,
      dataset: 'chain_snapshots',
    });
    expect(calls).toEqual(['freeze ETH']);
  });

  it('answers 400 for a missing or unknown currency and 503 when the exchange is unreachable', async () => {
    const { api, calls } = setup(true);
    for (const q of ['', '?currency=XRP', '?currency=<script>']) {
      const res = await api(`/surface/latest${q}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /^invalid currency/,
      );
    }
    expect(calls).toEqual([]);
    const res = await api('/surface/latest?currency=BTC');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'live surface unavailable: upstream not connected',
    );
    expect((await api('/surface/freeze?currency=BTC')).status).toBe(404);
  });
});
