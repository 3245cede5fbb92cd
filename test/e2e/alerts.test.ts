/**
 * Volatility alerts in the workbench: with the simulated exchange running, a rule with a low DVOL threshold
 * (created over the API, as the notebook's Deploy button does) fires; the page shows a toast and the badge, the
 * alerts panel lists it with its chart, and Ack clears the badge.
 */
import { describe, expect, it } from 'vitest';
import { useWorkbench } from './support/session';

describe('volatility alerts in the workbench', () => {
  const workbench = useWorkbench(() => ({ simulatedExchange: true }));

  it('shows a low-DVOL rule firing as a toast, a badge and a row of the alerts panel; Ack clears it', async () => {
    const page = await workbench.context.newPage();
    await page.goto(`${workbench.url}/`);
    await page.locator('vol-alerts button.bell').waitFor();
    const res = await fetch(`${workbench.url}/api/volatility/alerts/rules`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${workbench.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'low dvol',
        currency: 'BTC',
        metric: 'dvol',
        op: '>',
        threshold: 1,
      }),
    });
    expect(res.status).toBe(201);
    const toast = page.locator('vol-alerts .toast');
    await toast.first().waitFor({ timeout: 30_000 });
    expect(await toast.first().textContent()).toMatch(/BTC dvol > 1: \d+\.\d\d \(low dvol\)/);
    await page.locator('vol-alerts .badge[data-unacked="1"]').waitFor();

    await page.locator('vol-alerts button.bell').click();
    const row = page.locator('vol-alerts .panel li[data-alert]');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.first().locator('svg polyline').count()).toBe(1);
    await row.first().getByRole('button', { name: 'Ack' }).click();
    await row.first().getByText('acked').waitFor();
    await page.locator('vol-alerts .badge').waitFor({ state: 'detached' });
    await page.close();
  });
});
