/**
 * The library is discoverable in chromium: completion of `vol.*`, of the notebook's names and of dataset and
 * column names in SQL cells, and the `/docs` reference with its search and deep links.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForSettled } from './support/page';
import { useWorkbench } from './support/session';

/** The labels of the completion list once it shows `label`, with that option's detail text. */
async function completionFor(
  page: Page,
  label: string,
): Promise<{ labels: string[]; detail: string }> {
  const option = page
    .locator('.cm-tooltip-autocomplete li')
    .filter({ has: page.locator('.cm-completionLabel', { hasText: new RegExp(`^${label}$`) }) });
  await option.first().waitFor({ timeout: 15_000 });
  const labels = await page
    .locator('.cm-tooltip-autocomplete .cm-completionLabel')
    .allTextContents();
  const detail = (await option.first().locator('.cm-completionDetail').textContent()) ?? '';
  return { labels, detail };
}

/** Add an empty cell of `kind` at the top of the notebook and focus its editor. */
async function newCell(page: Page, kind: 'JS' | 'SQL'): Promise<Locator> {
  await page
    .locator('vol-notebook-page .add-bar')
    .first()
    .getByRole('button', { name: `+ ${kind}` })
    .click();
  const editor = page.locator('vol-notebook-page section.cell').first().locator('.cm-content');
  await editor.click();
  return editor;
}

describe('completion and the library reference', () => {
  const workbench = useWorkbench();

  it('completes vol namespaces, functions with signatures, notebook names, datasets and columns', async () => {
    const page = await workbench.context.newPage();
    await page.goto(`${workbench.url}/notebooks/getting-started`);
    await waitForSettled(page);

    await newCell(page, 'JS');
    await page.keyboard.type('vol.se');
    expect((await completionFor(page, 'series')).labels).toContain('series');

    await page.keyboard.press('Escape');
    await page.keyboard.type('ries.');
    const logReturns = await completionFor(page, 'logReturns');
    expect(logReturns.detail).toBe('(prices: NumericLike): Float64Array');
    // The selected option's doc panel.
    await page.keyboard.type('logRet');
    await page
      .locator('.cm-completionInfo .vol-doc-info', { hasText: 'vol.series.logReturns(prices' })
      .waitFor();

    // The notebook's own names and the builtins.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.type('dailyV');
    expect((await completionFor(page, 'dailyVol')).detail).toBe('cell');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Inp');
    expect((await completionFor(page, 'Inputs')).labels).toContain('Inputs');
    await page.keyboard.press('Escape');

    await newCell(page, 'SQL');
    await page.keyboard.type('SELECT * FROM ohlcv_d');
    expect((await completionFor(page, 'ohlcv_daily')).detail).toBe('dataset');
    await page.keyboard.press('Escape');
    await page.keyboard.type('aily WHERE sym');
    expect((await completionFor(page, 'symbol')).detail).toBe('VARCHAR');
    await page.close();
  });

  it('lists the namespaces on /docs, finds a function by name and follows a deep link', async () => {
    const page = await workbench.context.newPage();
    await page.goto(`${workbench.url}/docs`);
    await page.locator('vol-docs-page section[data-namespace="series"]').waitFor();
    const namespaces = await page.locator('vol-docs-page nav a').allTextContents();
    expect(namespaces).toEqual(expect.arrayContaining(['vol.series', 'vol.regime', 'vol.options']));

    await page.getByLabel('Search the library').fill('logret');
    await page
      .locator('vol-docs-page section[data-namespace="regime"]')
      .waitFor({ state: 'detached' });
    const entries = await page
      .locator('vol-docs-page article')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-entry')));
    expect(entries).toEqual(['vol.series.logReturns']);
    const article = page.locator('vol-docs-page article[data-entry="vol.series.logReturns"]');
    expect(await article.locator('code.signature').textContent()).toBe(
      'vol.series.logReturns(prices: NumericLike): Float64Array',
    );
    expect(await article.locator('pre.example').textContent()).toContain(
      'logReturns([100, 110, 99])',
    );

    // A link to a function the search hides: the search is cleared and the function shown.
    await page.goto(`${workbench.url}/docs#vol.regime.fitGaussianHmm`);
    await page
      .locator('vol-docs-page article.targeted[data-entry="vol.regime.fitGaussianHmm"]')
      .waitFor();
    await page.close();

    const linked = await workbench.context.newPage();
    await linked.goto(`${workbench.url}/docs#vol.series.logReturns`);
    await linked
      .locator('vol-docs-page article.targeted[data-entry="vol.series.logReturns"]')
      .waitFor();
    await linked.close();
  });
});
