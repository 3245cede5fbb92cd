/**
 * The portfolio page in chromium against the simulated exchange: a trade in an option the live chain lists,
 * entered in the form, shows in the positions with its mark, the mark's age and Greeks, and keeps being
 * re-marked (the mark age changes as the page refreshes); a bad amount is refused in the form, a trade in an
 * unlisted option by the form (from the live chain's list), and neither is stored. The first-start demo book
 * is labelled on the page and removed with its button first; the instrument completes from the live chain, and
 * the page re-marks from `portfolio_update` events on /api/live.
 */
import { describe, expect, it } from 'vitest';
import type { FillWire, PositionsWire } from '../../server/contract/portfolio';
import type { SurfaceState } from '../../server/contract';
import { useWorkbench } from './support/session';

describe('the portfolio page', () => {
  const workbench = useWorkbench(() => ({ simulatedExchange: true }));

  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${workbench.url}${path}`, {
      headers: { Authorization: `Bearer ${workbench.token}` },
    });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  it('adds a trade from the form and shows it marked, re-marked as the page refreshes', async () => {
    const surface = await api<SurfaceState>('/api/volatility/surface/latest?currency=BTC');
    const expiry = surface.expiries.find((e) => e.points.some((p) => p.mark_iv !== null))!;
    const point = expiry.points.find((p) => p.mark_iv !== null)!;
    const name = point.instrument_name;
    // The first open of the empty book seeds the demo book from the listed chain: labelled on the page, and
    // its Remove button leaves a clean book.
    const page = await workbench.context.newPage();
    await page.goto(`${workbench.url}/portfolio`);
    const demo = page.locator('vol-portfolio-page [data-testid=demo-book]');
    await expect.poll(() => demo.textContent(), { timeout: 20_000 }).toMatch(/Demo book/);
    await demo.getByRole('button', { name: 'Remove demo book' }).click();
    await expect
      .poll(async () => (await api<{ fills: FillWire[] }>('/api/portfolio/trades')).fills, {
        timeout: 20_000,
      })
      .toEqual([]);
    await expect.poll(() => demo.count(), { timeout: 20_000 }).toBe(0);
    // The instrument completes from the live chain.
    await expect
      .poll(() => page.locator(`vol-trade-form datalist option[value="${name}"]`).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    const form = page.locator('vol-portfolio-page form');
    await form.getByLabel('Instrument').fill(name);
    await form.getByLabel('Amount').fill('0');
    await form.getByLabel('Price').fill('0.01');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect
      .poll(() => page.locator('vol-portfolio-page [role=alert]').textContent())
      .toMatch(/^amount/);

    await form.getByLabel('Instrument').fill('BTC-27MAR26-123457-C');
    await form.getByLabel('Amount').fill('2');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect
      .poll(() => page.locator('vol-portfolio-page [role=alert]').textContent())
      .toMatch(/expired|not listed/);
    expect((await api<{ fills: FillWire[] }>('/api/portfolio/trades')).fills).toEqual([]);

    await form.getByLabel('Instrument').fill(name);
    await form.getByLabel('Amount').fill('2');
    await form.getByLabel('Price').fill('0.01');
    await form.getByRole('button', { name: 'Add' }).click();
    const row = page.locator('vol-portfolio-page table[data-testid=positions] tr', {
      hasText: name,
    });
    await row.waitFor({ timeout: 20_000 });
    const cells = row.locator('td');
    await expect.poll(() => cells.nth(4).textContent(), { timeout: 20_000 }).toMatch(/s$/); // a mark age
    // Re-marked: the table shows a later marking (the age text alone may read "0.1 s" every time).
    const table = page.locator('vol-portfolio-page table[data-testid=positions]');
    const markedAt = async () => Number(await table.getAttribute('data-as-of'));
    const firstMarked = await markedAt();
    expect(firstMarked).toBeGreaterThan(0);
    await expect.poll(markedAt, { timeout: 20_000 }).toBeGreaterThan(firstMarked);

    const { positions } = await api<PositionsWire>('/api/portfolio/positions');
    const held = positions.find((p) => p.instrument_name === name)!;
    expect(held.amount).toBe(2);
    expect(held.mark.source).toBe('option_mark');
    expect(held.greeks!.vega).toBeGreaterThan(0);
    // The re-marking above came over /api/live: the page says the feed is up.
    expect(
      await page.locator('vol-portfolio-page [data-testid=live-status]').textContent(),
    ).toMatch(/^\s*live: updates/);
    await page.close();
  }, 120_000);
});
