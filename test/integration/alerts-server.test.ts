/**
 * The volatility filter live: `startServer` with the simulated exchange, a rule with a low DVOL threshold created
 * over HTTP fires; the breach arrives as `threshold_breach` on `/api/live` beside `volatility_estimate`, is listed
 * at `GET /api/volatility/alerts` and acknowledged; the rule and the alert are in the state database after a
 * restart.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../server/main';
import { COINS } from '../../server/simulator/coins';
import { createMarketState } from '../../server/simulator/state';
import { createFixture, type Fixture } from '../server/routes/fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose JSON in a test
type Json = Record<string, any>;
let fx: Fixture;
let server: RunningServer;

beforeAll(async () => {
  fx = await createFixture({ rows: 5 });
  const hour = Math.floor(Date.now() / 3_600_000) - 3;
  await mkdir(join(fx.config.datasetsDir, 'source=simulated'), { recursive: true });
  await writeFile(
    join(fx.config.datasetsDir, 'source=simulated/final-state.json'),
    JSON.stringify(
      createMarketState(
        hour * 3600,
        COINS.map((_, i) => Math.log(1000 + i)),
      ),
    ),
  );
  server = await startServer({ ...fx.config, port: 0 });
});
afterAll(async () => {
  await server?.close();
  await fx?.cleanup();
});

const api = async (path: string, init: { method?: string; body?: unknown } = {}) => {
  const res = await fetch(new URL(path, server.url), {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json()) as Json };
};

describe('volatility alerts on the live server', () => {
  it('fires a low-DVOL rule: threshold_breach on /api/live, listed, acknowledged, durable', async () => {
    const bad = await api('api/volatility/alerts/rules', {
      method: 'POST',
      body: { name: 'x', currency: 'BTC', metric: 'zscore:nope', op: '>', threshold: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/unknown metric/);

    const ws = new WebSocket(`${server.url.replace('http', 'ws')}api/live`, {
      headers: { Authorization: `Bearer ${server.token}` },
    });
    const frames: { channel: string; data: Json }[] = [];
    ws.on('message', (raw) => {
      const f = JSON.parse(String(raw));
      if (f.type === 'data') frames.push(f);
    });
    await new Promise((r) => ws.once('open', r));
    ws.send(
      JSON.stringify({ op: 'subscribe', channels: ['volatility_estimate', 'threshold_breach'] }),
    );

    const created = await api('api/volatility/alerts/rules', {
      method: 'POST',
      body: { name: 'low dvol', currency: 'BTC', metric: 'dvol', op: '>', threshold: 1 },
    });
    expect(created.status).toBe(201);
    const t0 = Date.now();
    while (!frames.some((f) => f.channel === 'threshold_breach') && Date.now() - t0 < 20_000)
      await new Promise((r) => setTimeout(r, 50));
    const breach = frames.find((f) => f.channel === 'threshold_breach');
    expect(breach?.data).toMatchObject({
      rule_id: created.body.id,
      currency: 'BTC',
      metric: 'dvol',
    });
    expect(breach!.data.value).toBeGreaterThan(1);
    const estimate = frames.find(
      (f) => f.channel === 'volatility_estimate' && f.data.currency === 'BTC',
    );
    expect(estimate?.data).toMatchObject({ currency: 'BTC', stale: false });
    expect(estimate!.data.price).toBeGreaterThan(0);
    ws.close();

    const list = await api('api/volatility/alerts?currency=BTC');
    expect(list.body.total).toBe(1);
    const ack = await api(`api/volatility/alerts/${breach!.data.id}/ack`, { method: 'POST' });
    expect(ack.body.acked_ms).toEqual(expect.any(Number));

    await server.close();
    server = await startServer({ ...fx.config, port: 0 });
    expect((await api('api/volatility/alerts/rules')).body.rules).toHaveLength(1);
    const after = await api('api/volatility/alerts?acked=true');
    expect(after.body.alerts.map((a: { id: number }) => a.id)).toEqual([breach!.data.id]);
  }, 60_000);
});
