/**
 * Every bundled notebook opens with a clean console under the sidecar's strict CSP: no error, no warning (a CSP
 * violation from an inline event handler, Lit's "dev mode" warning, a failed request), no uncaught exception.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BUILD_INFO } from '../../server/build/workbench-build';
import { waitForSettled } from './support/page';
import { useWorkbench } from './support/session';

const root = resolve(import.meta.dirname, '../..');
const bundled = readdirSync(join(root, 'notebooks'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''));

/** Console errors and warnings and uncaught exceptions, as `type: text`. */
function collectConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  return messages;
}

describe('the console of every bundled notebook', () => {
  // As `npm start` runs it: with the simulated exchange, so the live desk and the alerts are there too.
  const workbench = useWorkbench(() => ({ simulatedExchange: true }));

  it('is served from a production build', async () => {
    const dist = process.env.VOLLAB_WEB_DIST ?? join(root, 'web/dist');
    expect(JSON.parse(await readFile(join(dist, BUILD_INFO), 'utf8'))).toEqual({
      mode: 'production',
    });
  });

  it.each(bundled)('stays clean on "%s"', async (name) => {
    const page = await workbench.context.newPage();
    const messages = collectConsole(page);
    const response = await page.goto(`${workbench.url}/notebooks/${name}`);
    // The CSP these pages are held to is the strict one: no inline script or handler allowed.
    const csp = response!.headers()['content-security-policy'] ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain('unsafe-inline');
    const states = await waitForSettled(page);
    expect(states.filter((s) => s.status === 'error')).toEqual([]);
    // Inputs render with their handlers attached as properties, no `on…` attribute in the page.
    const found = await page.evaluate(() => {
      const attributes: string[] = [];
      let properties = 0;
      let inForms = 0;
      const visit = (rootNode: Document | ShadowRoot): void => {
        for (const el of rootNode.querySelectorAll('*')) {
          for (const a of el.attributes)
            if (a.name.startsWith('on')) attributes.push(`${el.tagName} ${a.name}`);
          if (el.closest('form')) inForms += 1;
          const h = el as HTMLElement;
          if (typeof h.onclick === 'function' || typeof h.oninput === 'function') properties += 1;
          if (el.shadowRoot) visit(el.shadowRoot);
        }
      };
      visit(document);
      return { attributes, properties, inForms };
    });
    expect(found.attributes).toEqual([]);
    // Where Inputs rendered a form, its handlers are still attached, as properties.
    if (found.inForms > 0) expect(found.properties).toBeGreaterThan(0);
    expect(messages).toEqual([]);
    await page.close();
  });
});
