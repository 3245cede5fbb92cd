import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectPageErrors, waitForSettled } from './support/page';
import { useWorkbench } from './support/session';

const bundled = readdirSync(resolve(import.meta.dirname, '../../notebooks'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''));

describe('the workbench in Debian chromium', () => {
  // With the simulated exchange: the bundled "Live BTC surface" reads `live.surface` from /api/live.
  const workbench = useWorkbench(() => ({ simulatedExchange: true }));

  async function open(name: string): Promise<{ page: Page; errors: string[] }> {
    const page = await workbench.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${workbench.url}/notebooks/${name}`);
    return { page, errors };
  }

  it.each(bundled)('opens the bundled notebook "%s" with no cell in error', async (name) => {
    const { page, errors } = await open(name);
    const states = await waitForSettled(page);
    expect(states.length).toBeGreaterThan(2);
    expect(states.filter((s) => s.status === 'error')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('redraws the realized-vol chart when the window slider moves', async () => {
    const { page } = await open('btc-realized-volatility');
    await waitForSettled(page);
    const chartPath = () =>
      page.$eval('vol-notebook-page >> [data-chart="realized-vol"] g.realized path', (p) =>
        p.getAttribute('d'),
      );
    const before = await chartPath();
    const slider = page.locator('vol-notebook-page >> input[type=range]').first();
    await slider.fill('90');
    await slider.dispatchEvent('input');
    await page.waitForFunction(
      (old) => {
        const chart = document.querySelector(
          'vol-notebook-page [data-chart="realized-vol"] g.realized path',
        );
        return chart && chart.getAttribute('d') !== old;
      },
      before,
      { timeout: 10_000 },
    );
    expect(await chartPath()).not.toBe(before);
    await page.close();
  });

  it("hides code while keeping outputs, and shows one cell's code on request", async () => {
    const { page } = await open('btc-realized-volatility');
    await waitForSettled(page);
    const editors = page.locator('vol-notebook-page section.cell.js vol-cell-editor');
    const jsCells = await page.locator('vol-notebook-page section.cell.js').count();
    expect(await editors.count()).toBe(jsCells);
    await page
      .locator('vol-notebook-page .toolbar')
      .getByRole('button', { name: 'Hide code' })
      .click();
    expect(await editors.count()).toBe(0);
    expect(await page.locator('vol-notebook-page [data-chart="realized-vol"]').count()).toBe(1);
    await page.locator('vol-notebook-page section.cell.js [data-toggle-editor]').first().click();
    expect(await editors.count()).toBe(1);
    await page
      .locator('vol-notebook-page .toolbar')
      .getByRole('button', { name: 'Show code' })
      .click();
    expect(await editors.count()).toBe(jsCells);
    await page.close();
  });

  it('reopens a notebook from cached query results that equal the computed ones', async () => {
    const yearlyText = (page: Page) =>
      page
        .locator('vol-notebook-page section.cell.sql:has(.name:text-is("yearly")) table')
        .textContent();
    const first = await workbench.context.newPage();
    // Earlier tests opened this notebook in the same browser: start from an empty cache (on the app's origin).
    await first.goto(`${workbench.url}/`);
    await first.evaluate(() => caches.delete('vollab-results-v1'));
    await first.goto(`${workbench.url}/notebooks/btc-realized-volatility`);
    await waitForSettled(first);
    const computed = await yearlyText(first);
    const misses = await first.evaluate(
      () => performance.getEntriesByName('vollab:result cache hit').length,
    );
    await first.close();

    // A reopened page asks the sidecar beside the cache (the first answer is used): hold the sidecar's answers
    // back, so every cell must be answered from the cache.
    const page = await workbench.context.newPage();
    await page.route('**/api/sql/query', async (route) => {
      await new Promise((r) => setTimeout(r, 10_000));
      await route.continue().catch(() => undefined);
    });
    await page.goto(`${workbench.url}/notebooks/btc-realized-volatility`);
    const states = await waitForSettled(page);
    expect(states.filter((s) => s.status === 'error')).toEqual([]);
    const hits = await page.evaluate(
      () => performance.getEntriesByName('vollab:result cache hit').length,
    );
    expect(misses).toBe(0);
    expect(hits).toBe(3); // btc, dvol and yearly: every SQL cell of the notebook
    expect(await yearlyText(page)).toBe(computed);
    await page.close();
  });

  it('keeps an edited and saved cell across a reload', async () => {
    const { page } = await open('getting-started');
    await waitForSettled(page);
    const editor = page.locator('vol-notebook-page >> [data-kind="js"] .cm-content').first();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n// saved by the e2e test');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('vol-notebook-page >> [data-save-state="saved"]', {
      timeout: 10_000,
    });
    await page.reload();
    await waitForSettled(page);
    const text = await page
      .locator('vol-notebook-page >> [data-kind="js"] .cm-content')
      .first()
      .textContent();
    expect(text).toContain('// saved by the e2e test');
    await page.close();
  });

  it('shows a broken SQL cell its error and position while the other cells render', async () => {
    const text = [
      '---',
      'title: Broken SQL',
      'datasets: [ohlcv_daily]',
      '---',
      '# Broken SQL',
      '```sql id=good',
      "SELECT count(*) AS n FROM ohlcv_daily WHERE symbol = 'BTC'",
      '```',
      '```sql id=bad',
      'SELEC oops FROM ohlcv_daily',
      '```',
      '```js',
      'good.getChild("n").get(0) > 1000',
      '```',
      '',
    ].join('\n');
    const created = await fetch(`${workbench.url}/api/notebooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${workbench.token}` },
      body: JSON.stringify({ title: 'Broken SQL', path: 'broken-sql.md' }),
    });
    expect(created.status).toBe(201);
    const { etag } = (await created.json()) as { etag: string };
    const saved = await fetch(`${workbench.url}/api/notebooks/broken-sql.md`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        'if-match': etag,
        authorization: `Bearer ${workbench.token}`,
      },
      body: JSON.stringify({ text }),
    });
    expect(saved.status).toBe(200);

    const { page } = await open('broken-sql');
    const states = await waitForSettled(page);
    const failed = states.filter((s) => s.status === 'error');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toMatch(/syntax error/i);
    expect(failed[0]!.error).toMatch(/line 1/i);
    expect(states.filter((s) => s.status === 'ok').length).toBe(states.length - 1);
    const errorText = await page
      .locator(`vol-notebook-page >> [data-cell-id="${failed[0]!.id}"] [role=alert]`)
      .textContent();
    expect(errorText).toContain('SELEC oops FROM ohlcv_daily');
    await page.close();
  });
});
