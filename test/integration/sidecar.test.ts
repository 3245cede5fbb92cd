import { request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/main';
import { createFixture, type Fixture } from '../server/routes/fixtures';

/** A GET with the path sent exactly as written (fetch would normalize `..`). */
function rawGet(
  base: string,
  path: string,
  token: string,
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  const headers = { Authorization: `Bearer ${token}` };
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sidecar on a loopback socket', () => {
  let fx: Fixture;
  let server: RunningServer;

  beforeAll(async () => {
    fx = await createFixture({ rows: 50 });
    server = await startServer({ ...fx.config, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await fx.cleanup();
  });

  it('binds a free port on 127.0.0.1 and reports it in the URL', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
    const health = await (await fetch(new URL('api/health', server.url))).json();
    // The fixture's one dataset, and the state's `alerts` (its tables exist from start; the portfolio's are made
    // on its first use).
    expect(health).toMatchObject({ ok: true, datasets: 2 });
  });

  it('answers a Range request with exactly the requested bytes', async () => {
    const path = fx.entry.partitions[1]!.path;
    const bytes = await readFile(join(fx.config.datasetsDir, path));
    const res = await fetch(new URL(`datasets/${path}`, server.url), {
      headers: { Range: 'bytes=4-131', Authorization: `Bearer ${server.token}` },
    });
    expect(res.status).toBe(206);
    expect(res.headers.get('Content-Range')).toBe(`bytes 4-131/${bytes.length}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(4, 132))).toBe(true);
  });

  it('round-trips a notebook: create, read, save, stale save → 409, delete', async () => {
    const api = (path: string, init: RequestInit = {}) =>
      fetch(new URL(`api/notebooks${path}`, server.url), {
        ...init,
        headers: { Authorization: `Bearer ${server.token}`, ...init.headers },
      });
    const json = { 'Content-Type': 'application/json' };
    const created = await (
      await api('', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ title: 'Round trip' }),
      })
    ).json();
    expect(created.path).toBe('round-trip.md');
    const read = await api('/round-trip.md');
    const etag = read.headers.get('ETag')!;
    expect((await read.json()).text).toBe(created.text);
    const put = (text: string, ifMatch: string) =>
      api('/round-trip.md', {
        method: 'PUT',
        headers: { ...json, 'If-Match': ifMatch },
        body: JSON.stringify({ text }),
      });
    const saved = await put('# Round trip\n\nedited\n', etag);
    expect(saved.status).toBe(200);
    const stale = await put('# Round trip\n\nother edit\n', etag);
    expect(stale.status).toBe(409);
    expect((await stale.json()).current.text).toBe('# Round trip\n\nedited\n');
    expect(await readFile(join(fx.config.notebooksDir, 'round-trip.md'), 'utf8')).toBe(
      '# Round trip\n\nedited\n',
    );
    expect((await api('/round-trip.md', { method: 'DELETE' })).status).toBe(200);
    expect((await api('/round-trip.md')).status).toBe(404);
  });

  it('refuses raw traversal that never went through URL normalization', async () => {
    for (const path of [
      '/datasets/../../etc/passwd',
      '/datasets/..%2f..%2fetc%2fpasswd',
      '/datasets/..\\..\\etc\\passwd',
      '/api/notebooks/../../x.md',
    ]) {
      const res = await rawGet(server.url, path, server.token);
      expect([400, 403, 404], path).toContain(res.status);
      expect(res.body).not.toContain('root:');
    }
  });
});
