/** Reading a notebook's state from the page through `data-cell-id` / `data-status`, not scraped text. */
import type { Page } from 'playwright-core';

export interface CellState {
  id: string;
  status: string;
  error: string;
}

export async function cellStates(page: Page): Promise<CellState[]> {
  return page.$$eval('vol-notebook-page >> [data-cell-id]', (cells) =>
    cells.map((cell) => ({
      id: cell.getAttribute('data-cell-id') ?? '',
      status: cell.getAttribute('data-status') ?? '',
      error: cell.getAttribute('data-error') ?? '',
    })),
  );
}

/** Wait until every cell has settled (ok or error) and return the states. */
export async function waitForSettled(page: Page, timeout = 60_000): Promise<CellState[]> {
  await page.waitForFunction(
    () => {
      const cells = document.querySelectorAll('vol-notebook-page [data-cell-id]');
      if (cells.length === 0) return false;
      return [...cells].every((c) => ['ok', 'error'].includes(c.getAttribute('data-status') ?? ''));
    },
    null,
    { timeout, polling: 20 },
  );
  return cellStates(page);
}

export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
