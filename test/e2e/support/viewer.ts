/** Reading the read-only viewer's state (`<vol-viewer>`) through its data attributes. */
import type { Page } from 'playwright-core';
import type { CellState } from './page';

/** How long every cell must stay settled. */
const QUIET_MS = 300;

/** Wait until the viewer has every cell settled (ok or error), and still so a moment later; return their states. */
export async function viewerSettled(page: Page, timeout = 60_000): Promise<CellState[]> {
  const allSettled = () => {
    const cells = document.querySelectorAll('vol-viewer [data-cell-id]');
    if (cells.length === 0) return false;
    return [...cells].every((c) => ['ok', 'error'].includes(c.getAttribute('data-status') ?? ''));
  };
  // Precomputed outputs paint every cell `ok` at once; the cells that read the page's width then run again, a
  // frame or two later. So settled means settled twice, a quiet moment apart.
  const deadline = Date.now() + timeout;
  for (;;) {
    await page.waitForFunction(allSettled, null, {
      timeout: Math.max(1, deadline - Date.now()),
      polling: 20,
    });
    await page.waitForTimeout(QUIET_MS);
    if (await page.evaluate(allSettled)) break;
  }
  return page.$$eval('vol-viewer [data-cell-id]', (cells) =>
    cells.map((cell) => ({
      id: cell.getAttribute('data-cell-id') ?? '',
      status: cell.getAttribute('data-status') ?? '',
      error: cell.getAttribute('data-error') ?? '',
    })),
  );
}

/** The text of every table a cell shows, by cell id, under `root` (`vol-viewer` or `vol-notebook-page`). */
export async function tablesByCell(page: Page, root: string): Promise<Record<string, string[]>> {
  return page.$$eval(`${root} [data-cell-id]`, (cells) =>
    Object.fromEntries(
      cells
        .map((cell) => [
          cell.getAttribute('data-cell-id') ?? '',
          [...cell.querySelectorAll('.output table')].map((t) => (t as HTMLElement).innerText),
        ])
        .filter(([, tables]) => tables.length > 0),
    ),
  );
}
