import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createAlertService,
  type AlertMarket,
  type AlertService,
} from '../../../server/alerts/service';
import { createAlertStore } from '../../../server/alerts/store';
import { createWebhookNotifier } from '../../../server/alerts/webhook';
import { errorHandler } from '../../../server/http/errors';
import { alertRoutes } from '../../../server/routes/alerts';
import { openStateDb, type StateDb } from '../../../server/state/db';
import type { SurfaceState } from '../../../server/contract';
import type { WsEvent } from '../../../server/sources/deribit/ws-client';
import { useTempDir } from '../temp-dir';

/** A market the test drives: index ticks by hand, a DVOL it sets. */
function fakeMarket() {
  const listeners = new Map<string, (price: number, at: number) => void>();
  const m: {
    dvol: number;
    stale: boolean;
    tick(c: string, p: number, at: number): void;
    market: AlertMarket;
  } = {
    dvol: 50,
    stale: false,
    tick: (c: string, price: number, at: number) => listeners.get(c)?.(price, at),
    market: {
      onIndex: (c, l) => {
        listeners.set(c, l);
        return () => void listeners.delete(c);
      },
      latest: async (c) =>
        ({
          currency: c,
          stale: m.stale,
          dvol: m.dvol,
          term_structure: { days: [7, 30], atm_iv: [40, 50] },
          expiries: [],
        }) as unknown as SurfaceState,
    },
  };
  return m;
}

describe('the alert service', () => {
  const dir = useTempDir('vollab-alerts-');
  let db: StateDb;
  let service: AlertService;
  afterEach(async () => {
    service?.close();
    await db?.close();
  });

  async function setup(webhookUrl?: string) {
    db = await openStateDb(join(dir(), 'vollab.duckdb'));
    const m = fakeMarket();
    let t = 1_000_000;
    const events: WsEvent[] = [];
    service = await createAlertService({
      store: await createAlertStore(db),
      market: m.market,
      currencies: ['BTC'],
      now: () => t,
      every: () => () => {},
      filter: { gridMs: 1000, rvWindow: 5, arMinSamples: 10, staleAfterMs: 5000 },
      ...(webhookUrl
        ? { webhook: createWebhookNotifier({ url: webhookUrl, baseMs: 10, attempts: 10 }) }
        : {}),
    });
    for (const ch of ['volatility_estimate', 'threshold_breach'])
      service.channels.subscribe(ch, (e) => events.push(e));
    const app = new Hono();
    app.onError(errorHandler());
    app.route('/api/volatility/alerts', alertRoutes(service));
    const api = async (path: string, method = 'GET', body?: unknown) => {
      const res = await app.request(`http://localhost/api/volatility/alerts${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: res.status === 204 ? null : await res.json() };
    };
    /** One second: an index tick, then the service's tick. */
    const second = async (price: number) => {
      t += 1000;
      m.tick('BTC', price, t);
      await service.tick();
    };
    const advance = (ms: number) => (t += ms);
    return { m, api, second, events, advance };
  }

  it('CRUD on rules, with 400s that give the reason', async () => {
    const { api } = await setup();
    const rule = { name: 'dvol high', currency: 'BTC', metric: 'dvol', op: '>', threshold: 80 };
    const created = await api('/rules', 'POST', rule);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...rule, id: expect.any(String) });
    const id = created.body.id as string;
    expect((await api('/rules', 'POST', { ...rule, metric: 'vix' })).body.error.message).toMatch(
      /unknown metric: vix/,
    );
    expect((await api('/rules', 'POST', { ...rule, metric: 'move', window: 7 })).status).toBe(400);
    expect(
      (await api('/rules', 'POST', { ...rule, metric: 'move', window: 7 })).body.error.message,
    ).toMatch(/bad window/);
    expect((await api('/rules', 'POST', { ...rule, currency: 'DOGE' })).body.error.message).toMatch(
      /not followed/,
    );
    expect((await api('/rules', 'POST', '[1]')).status).toBe(400);
    expect((await api(`/rules/${id}`, 'PUT', { ...rule, threshold: 90 })).body.threshold).toBe(90);
    expect((await api('/rules')).body.rules).toHaveLength(1);
    expect((await api(`/rules/${id}`, 'DELETE')).status).toBe(204);
    expect((await api(`/rules/${id}`)).status).toBe(404);
    expect((await api('/rules')).body.rules).toEqual([]);
  });

  it('publishes estimates, raises one stored alert for a hovering DVOL, lists, pages and acks it', async () => {
    const { m, api, second, events } = await setup();
    await api('/rules', 'POST', {
      name: 'd',
      currency: 'BTC',
      metric: 'dvol',
      op: '>',
      threshold: 80,
      cooldown_s: 0,
    });
    let p = 50_000;
    for (let i = 0; i < 30; i++) await second((p *= 1 + 0.001 * Math.sin(i)));
    const estimates = events.filter(
      (e) => e.type === 'data' && e.channel === 'volatility_estimate',
    );
    expect(estimates.length).toBe(30);
    const last = (estimates.at(-1) as { data: Record<string, unknown> }).data;
    expect(last).toMatchObject({ currency: 'BTC', stale: false, dvol: 50 });
    expect(last.rv).toBeGreaterThan(0);
    expect(last.ar_estimate).toBeGreaterThan(0);
    for (const v of [81, 79.5, 80.5, 81, 80.2, 79]) {
      m.dvol = v;
      await second((p *= 1.0005));
    }
    const breaches = events.filter((e) => e.type === 'data' && e.channel === 'threshold_breach');
    expect(breaches).toHaveLength(1);
    const list = await api('');
    expect(list.body.total).toBe(1);
    const alert = list.body.alerts[0];
    expect(alert).toMatchObject({ rule_name: 'd', value: 81, threshold: 80, acked_ms: null });
    expect(alert.context.length).toBeGreaterThan(5);
    expect((await api('?acked=false')).body.total).toBe(1);
    expect((await api('?currency=ETH')).body.total).toBe(0);
    expect((await api('?limit=0')).status).toBe(400);
    const acked = await api(`/${alert.id}/ack`, 'POST');
    expect(acked.body.acked_ms).toEqual(expect.any(Number));
    expect((await api('?acked=true')).body.total).toBe(1);
    expect((await api('/999/ack', 'POST')).status).toBe(404);
    // Clear below the band, then up again: a second alert; paging returns the newest first.
    for (const v of [70, 85]) {
      m.dvol = v;
      await second((p *= 1.0005));
    }
    const page = await api('?limit=1&offset=1');
    expect(page.body.total).toBe(2);
    expect(page.body.alerts.map((a: { id: number }) => a.id)).toEqual([alert.id]);
  });

  it('says so when the feed is stale and does not alert on old data', async () => {
    const { m, api, second, events, advance } = await setup();
    await api('/rules', 'POST', {
      name: 'd',
      currency: 'BTC',
      metric: 'dvol',
      op: '>',
      threshold: 80,
    });
    await second(50_000);
    advance(10_000);
    m.dvol = 99;
    await service.tick();
    const last = events
      .filter((e) => e.type === 'data' && e.channel === 'volatility_estimate')
      .at(-1) as { data: { stale: boolean; note: string } };
    expect(last.data.stale).toBe(true);
    expect(last.data.note).toMatch(/stale.*rules paused/);
    expect((await api('')).body.total).toBe(0);
    await second(50_000); // fresh again: now it fires
    expect((await api('')).body.total).toBe(1);
  });

  it('delivers to a webhook that fails, then recovers, without blocking or losing the alert', async () => {
    const bodies: string[] = [];
    let requests = 0;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const n = ++requests;
        // The first request hangs until the test releases it, then 500s; two more 500s; then it recovers.
        void (n === 1 ? held : Promise.resolve()).then(() => {
          if (n <= 3) {
            res.statusCode = 500;
            res.end('down');
            return;
          }
          bodies.push(body);
          res.end('ok');
        });
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      const { m, api, second } = await setup(url);
      await api('/rules', 'POST', {
        name: 'd',
        currency: 'BTC',
        metric: 'dvol',
        op: '>',
        threshold: 80,
      });
      m.dvol = 90;
      await second(50_000); // resolves while the webhook's first request is still held: it did not wait
      expect((await api('')).body.total).toBe(1); // stored before delivery
      const t0 = Date.now();
      while (requests === 0 && Date.now() - t0 < 4000) await new Promise((r) => setTimeout(r, 5));
      expect(bodies).toHaveLength(0);
      release();
      while (bodies.length === 0 && Date.now() - t0 < 4000)
        await new Promise((r) => setTimeout(r, 10));
      expect(requests).toBe(4);
      expect(bodies).toHaveLength(1);
      expect(JSON.parse(bodies[0]!).text).toMatch(/BTC dvol > 80: 90\.00/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('bounds the webhook queue: a dead endpoint drops the oldest deliveries, never blocks', async () => {
    const hook = createWebhookNotifier({
      url: 'http://127.0.0.1:9/dead',
      maxQueue: 3,
      attempts: 2,
      baseMs: 1,
      fetch: async () => new Response('no', { status: 503 }),
    });
    for (let i = 0; i < 10; i++) hook.send({ text: String(i) });
    await hook.idle();
    expect(hook.stats).toMatchObject({ dropped: 6, failed: 4, sent: 0 });
    hook.close();
  });
});
