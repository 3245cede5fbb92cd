/**
 * The attack of issue 9 replayed in chromium: a page served by a second loopback server (another port, so
 * "same site" and the SameSite=Strict cookie is sent) tries to create a notebook with a text/plain fetch, a
 * no-cors fetch and a form post, and to read `/api/live` over a WebSocket. Each is refused; nothing lands on
 * disk. The workbench's own page, signed in, still creates one.
 */
import { readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { startWorkbench, type Workbench } from './support/workbench';

const ATTACKER_PAGE = `<!doctype html><html><body><form id="f" method="POST" enctype="text/plain"
  target="sink"><input name='{"title":"Form planted","x":"' value='"}'></form><iframe name="sink"></iframe>
</body></html>`;

describe('a page on another origin', () => {
  let workbench: Workbench;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let attacker: Server;
  let attackerUrl = '';

  beforeAll(async () => {
    // The live hub needs the simulated exchange: this test is about the socket's guard, so start it.
    workbench = await startWorkbench({ simulatedExchange: true });
    browser = await launchChromium();
    await workbench.signIn(browser.context);
    attacker = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(ATTACKER_PAGE);
    });
    await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => attacker?.close(done));
    await workbench?.close();
  });

  const notebooks = async () => (await readdir(workbench.notebooksDir)).sort();

  it('cannot create a notebook by fetch (text/plain or no-cors) or by a form, though the cookie is sent', async () => {
    const before = await notebooks();
    const page = await browser.context.newPage();
    await page.goto(attackerUrl);
    const outcomes = await page.evaluate(async (sidecar) => {
      const body = JSON.stringify({ title: 'Planted ${fetch("/api/notebooks/x.md")}' });
      const plain = await fetch(`${sidecar}/api/notebooks`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'text/plain' },
        body,
      }).then(
        (r) => `status ${r.status}`,
        (e: Error) => `failed: ${e.name}`,
      );
      const opaque = await fetch(`${sidecar}/api/notebooks`, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'Content-Type': 'text/plain' },
        body,
      }).then(
        (r) => r.type,
        (e: Error) => `failed: ${e.name}`,
      );
      return { plain, opaque };
    }, workbench.url);
    // A CORS read of the answer is refused by the browser; what matters is that the server refused the write.
    expect(outcomes.plain).toMatch(/^failed|^status 403$/);
    expect(outcomes.opaque).toBe('opaque');
    const refused = page.waitForResponse((r) => r.url().startsWith(workbench.url));
    await page.evaluate((sidecar) => {
      const form = document.getElementById('f') as HTMLFormElement;
      form.action = `${sidecar}/api/notebooks`;
      form.submit();
    }, workbench.url);
    expect((await refused).status()).toBe(403);
    expect(await notebooks()).toEqual(before);
    await page.close();
  });

  it('cannot open /api/live: the upgrade is refused and the socket closes', async () => {
    const page = await browser.context.newPage();
    await page.goto(attackerUrl);
    const events = await page.evaluate(async (sidecar) => {
      const seen: string[] = [];
      const ws = new WebSocket(`${sidecar.replace('http', 'ws')}/api/live`);
      ws.onopen = () => seen.push('open');
      ws.onmessage = () => seen.push('message');
      ws.onerror = () => seen.push('error');
      await new Promise<void>((done) => {
        ws.onclose = () => {
          seen.push('close');
          done();
        };
      });
      return seen;
    }, workbench.url);
    expect(events).toEqual(['error', 'close']);
    await page.close();
  });

  it('leaves the workbench itself working: its own page creates a notebook and opens /api/live', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${workbench.url}/`);
    const result = await page.evaluate(async () => {
      const created = await fetch('/api/notebooks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Mine' }),
      });
      const opened = await new Promise<string>((done) => {
        const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/api/live`);
        ws.onopen = () => {
          ws.close();
          done('open');
        };
        ws.onerror = () => done('error');
      });
      return { status: created.status, opened };
    });
    expect(result).toEqual({ status: 201, opened: 'open' });
    expect(await notebooks()).toContain('mine.md');
    await page.close();
  });
});
