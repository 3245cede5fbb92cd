/**
 * The cold-open hand-over in Debian chromium: with DuckDB-WASM held back, a notebook's SQL cells are answered by
 * the sidecar (`/api/sql/query`) and every cell settles; with the sidecar's SQL route unreachable, DuckDB-WASM
 * answers them alone. Both visits must show the same outputs, cell by cell.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectPageErrors, waitForSettled } from './support/page';
import { useWorkbench } from './support/session';

/** Each cell's output as text plus every chart path, the editors and style sheets left out. */
async function outputs(page: Page): Promise<Record<string, string>> {
  return page.$$eval('vol-notebook-page >> [data-cell-id]', (cells) =>
    Object.fromEntries(
      cells.map((cell) => {
        const copy = cell.cloneNode(true) as Element;
        // Inputs numbers its tables' style ids in the order cells settle, which differs between the visits.
        copy.querySelectorAll('vol-cell-editor, .cm-editor, style').forEach((e) => e.remove());
        const paths = [...copy.querySelectorAll('path')].map((p) => p.getAttribute('d'));
        return [cell.getAttribute('data-cell-id')!, `${copy.textContent}\n${paths.join('\n')}`];
      }),
    ),
  );
}

describe('cold open: the sidecar answers SQL cells until DuckDB-WASM is ready', () => {
  const workbench = useWorkbench();

  async function visit(name: string, hold: 'wasm' | 'sidecar') {
    // A fresh context: empty HTTP cache and no result cache from an earlier visit.
    const context = await workbench.context.browser()!.newContext();
    const cookies = await workbench.context.cookies();
    await context.addCookies(cookies);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const answered: number[] = [];
    page.on('response', (res) => {
      if (res.url().endsWith('/api/sql/query')) answered.push(res.status());
    });
    let release = (): void => undefined;
    if (hold === 'wasm') {
      // DuckDB-WASM's module is held until every cell has settled: nothing can have waited for it.
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/assets/duckdb-*.wasm', async (route: Route) => {
        await held;
        await route.continue();
      });
    } else {
      await page.route('**/api/sql/query', (route: Route) => route.abort('connectionrefused'));
    }
    await page.goto(`${workbench.url}/notebooks/${name}`);
    const states = await waitForSettled(page);
    const shown = await outputs(page);
    release();
    await context.close();
    return { states, shown, answered, errors };
  }

  it.each(['btc-volatility-surface', 'getting-started'])(
    '"%s" settles with the same outputs through the sidecar as on DuckDB-WASM',
    async (name) => {
      const handover = await visit(name, 'wasm');
      expect(handover.states.filter((s) => s.status === 'error')).toEqual([]);
      expect(handover.errors).toEqual([]);
      expect(handover.answered.length).toBeGreaterThan(0);
      expect(handover.answered.every((status) => status === 200)).toBe(true);

      const wasm = await visit(name, 'sidecar');
      expect(wasm.states.filter((s) => s.status === 'error')).toEqual([]);
      expect(wasm.answered).toEqual([]);
      expect(handover.shown).toEqual(wasm.shown);
    },
  );
});
