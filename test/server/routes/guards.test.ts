/**
 * The sidecar's guards against other web pages (issue 9, item 1), through `app.request` on the composed app:
 * the token on every route but health, the Host allow-list, the Origin check on writes and upgrades, and
 * JSON-only bodies. The attack replayed from a real second origin in chromium is test/e2e/cross-site.test.ts.
 */
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import type { LiveHub } from '../../../server/live/hub';
import { createFixture, type Fixture } from './fixtures';

const SIDECAR = 'http://127.0.0.1:8787';

describe('request guards', () => {
  let fx: Fixture;
  let app: ReturnType<typeof createApp>;
  const auth = () => ({ Authorization: `Bearer ${fx.config.token}` });
  const send = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    app.request(`${SIDECAR}${path}`, {
      ...init,
      headers: { Host: '127.0.0.1:8787', ...init.headers },
    });
  const notebooks = async () => (await readdir(fx.config.notebooksDir)).sort();

  beforeAll(async () => {
    fx = await createFixture({ rows: 3 });
    // A hub that is never attached to: enough to mount /api/live and see its guards.
    const live = { attach: () => ({ receive() {}, close() {} }), close() {} } as unknown as LiveHub;
    app = createApp(fx.config, { live });
  });
  afterAll(() => fx.cleanup());

  it('requires the token on every route the app defines except /api/health and share links', async () => {
    const routes = app.routes.filter((r) => r.method !== 'ALL');
    expect(routes.length).toBeGreaterThan(15);
    for (const { method, path } of routes) {
      const concrete = path.replace(/:[a-z]+/gi, 'x').replace(/\*/g, 'x.md');
      const res = await send(concrete, {
        method,
        headers: { 'Content-Type': 'application/json', Origin: SIDECAR },
        ...(method === 'GET' || method === 'HEAD' ? {} : { body: '{}' }),
      });
      // A share link carries its own capability: an unknown share id is a 404, never anything else.
      const expected = path === '/api/health' ? 200 : path.startsWith('/s/') ? 404 : 401;
      expect(res.status, `${method} ${path}`).toBe(expected);
    }
    // A route that does not exist is not a way to learn what does.
    expect((await send('/api/nope')).status).toBe(401);
    const health = await send('/api/health');
    const body = JSON.stringify(await health.json());
    expect(body).not.toContain(fx.root);
    expect(body).not.toContain(fx.config.token);
  });

  it('shows a browser without the token a page saying where the token is, and keeps data private', async () => {
    const page = await send('/', { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('?token=');
    const data = await send('/api/datasets', { headers: auth() });
    expect(data.headers.get('Cache-Control')).toMatch(/^private\b/);
    const file = await send('/datasets/catalog.json', { headers: auth() });
    expect(file.status).toBe(200);
    expect(file.headers.get('Cache-Control')).toBe('private, max-age=0, must-revalidate');
  });

  it('trades ?token= for an HttpOnly SameSite=Strict cookie named for the port, and drops it from the URL', async () => {
    expect((await send('/?token=wrong')).status).toBe(401);
    const visit = await send(`/notebooks/x?token=${fx.config.token}&a=1`);
    expect(visit.status).toBe(302);
    expect(visit.headers.get('Location')).toBe('/notebooks/x?a=1');
    const cookie = visit.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/^vollab_token_8787=[\w-]+; Path=\/; HttpOnly; SameSite=Strict$/);
    const withCookie = await send('/api/datasets', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(withCookie.status).toBe(200);
    // The cookie of a sidecar on another port is not this one's.
    const otherPort = await send('/api/datasets', {
      headers: { Cookie: `vollab_token_9999=${fx.config.token}` },
    });
    expect(otherPort.status).toBe(401);
  });

  it('refuses a Host that is not loopback, HOST or VOLLAB_ALLOWED_HOSTS (DNS rebinding), with the token too', async () => {
    for (const host of ['evil.example', 'evil.example:8787', '127.0.0.2:8787', '']) {
      const res = await send('/api/notebooks', { headers: { ...auth(), Host: host } });
      expect(res.status, host).toBe(403);
      expect((await res.json()).error.message).toContain('VOLLAB_ALLOWED_HOSTS');
    }
    for (const host of ['localhost:5173', '127.0.0.1', '[::1]:8787', 'LOCALHOST:1']) {
      const res = await send('/api/notebooks', { headers: { ...auth(), Host: host } });
      expect(res.status, host).toBe(200);
    }
    expect((await send('/api/health', { headers: { Host: 'evil.example' } })).status).toBe(403);
    const extra = createApp({ ...fx.config, allowedHosts: ['lab.example.com'] });
    const res = await extra.request('http://lab.example.com:8787/api/notebooks', {
      headers: { Host: 'lab.example.com:8787', ...auth() },
    });
    expect(res.status).toBe(200);
  });

  it('refuses writes and WebSocket upgrades from another origin, even with the cookie', async () => {
    const before = await notebooks();
    const create = (headers: Record<string, string>) =>
      send('/api/notebooks', {
        method: 'POST',
        headers: { ...auth(), 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ title: 'Planted' }),
      });
    for (const headers of <Record<string, string>[]>[
      { Origin: 'http://evil.example' },
      { Origin: 'http://127.0.0.1:9999' }, // same site, other port: the cookie would be sent
      { Origin: 'null' },
      { Origin: 'file://' },
      { 'Sec-Fetch-Site': 'same-site' },
      { 'Sec-Fetch-Site': 'cross-site' },
    ]) {
      const res = await create(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.message).toMatch(/^cross-origin request refused/);
    }
    expect(await notebooks()).toEqual(before);
    const upgrade = (origin: string) =>
      send('/api/live', {
        headers: { ...auth(), Upgrade: 'websocket', Connection: 'Upgrade', Origin: origin },
      });
    expect((await upgrade('http://127.0.0.1:9999')).status).toBe(403);
    const mine = await create({ Origin: SIDECAR, 'Sec-Fetch-Site': 'same-origin' });
    expect(mine.status).toBe(201);
    // No Origin at all (curl, scripts with the token) is not a browser attack.
    expect((await create({})).status).toBe(409);
  });

  it('accepts only application/json bodies on the JSON APIs (415), so forms and no-cors posts never land', async () => {
    const before = await notebooks();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await send('/api/notebooks', {
        method: 'POST',
        headers: { ...auth(), 'Content-Type': type },
        body: JSON.stringify({ title: 'Typed' }),
      });
      expect(res.status, type).toBe(415);
      expect((await res.json()).error.message).toBe(
        `expected Content-Type: application/json, got ${type}`,
      );
    }
    const put = await send('/api/models/m.json', {
      method: 'PUT',
      headers: auth(),
      body: '{}',
    });
    expect(put.status).toBe(415);
    expect(await notebooks()).toEqual(before);
    const ok = await send('/api/notebooks', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ title: 'Typed' }),
    });
    expect(ok.status).toBe(201);
  });
});
