/** Reading the read-only viewer's state (`<vol-viewer>`) through its data attributes. */
import type { Page } from 'playwright-core';
import type { CellState } from './page';

/** Wait until the viewer has every cell settled (ok or error) and return their states. */
export async function viewerSettled(page: Page, timeout = 60_000): Promise<CellState[]> {
  await page.waitForFunction(
    () => {
      const cells = document.querySelectorAll('vol-viewer [data-cell-id]');
      if (cells.length === 0) return false;
      return [...cells].every((c) => ['ok', 'error'].includes(c.getAttribute('data-status') ?? ''));
    },
    null,
    { timeout, polling: 20 },
  );
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
