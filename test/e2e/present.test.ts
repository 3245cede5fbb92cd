import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureViewerBuild } from '../../server/export/viewer-build';
import { collectPageErrors, waitForSettled } from './support/page';
import { useWorkbench } from './support/session';

/** The 1-based slide number in the page's URL, or null outside presentation mode. */
const slideInUrl = (page: Page): string | null => {
  const params = new URL(page.url()).searchParams;
  return params.has('present') ? params.get('slide') : null;
};

/** Slide indices of the rows shown now. */
const shownSlides = (page: Page): Promise<string[]> =>
  page.$$eval('vol-notebook-page .deck-cell:not([hidden])', (rows) => [
    ...new Set(rows.map((r) => r.getAttribute('data-slide-index') ?? '')),
  ]);

const statesInput = (page: Page) =>
  page.locator('vol-notebook-page .deck-cell[data-slide-index="2"] input[type=number]').first();

const chartTitle = (page: Page) =>
  page.locator('vol-notebook-page [data-chart="hmm-states"]').first().innerText();

async function pollUntil<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last ${String(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('presentation mode in Debian chromium', () => {
  const workbench = useWorkbench();
  // Share links serve the viewer build.
  beforeAll(
    () => ensureViewerBuild(false, { root: resolve(import.meta.dirname, '../..') }),
    300_000,
  );

  it('moves through the regime study deck with keys, keeps cells live and restores per-slide inputs', async () => {
    const page = await workbench.context.newPage();
    const errors = collectPageErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${workbench.url}/notebooks/regime-study`);
    const states = await waitForSettled(page);
    expect(states.filter((s) => s.status !== 'ok')).toEqual([]);

    await page.locator('vol-notebook-page [data-present-start]').click();
    await page.locator('vol-notebook-page main[data-present="0"]').waitFor();
    await expect.poll(() => slideInUrl(page)).toBe('1');
    expect(await shownSlides(page)).toEqual(['0']);
    expect(await page.locator('[data-slide-counter]').innerText()).toBe('1 / 8');

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    await page.locator('vol-notebook-page main[data-present="2"]').waitFor();
    await expect.poll(() => slideInUrl(page)).toBe('3');
    expect(await shownSlides(page)).toEqual(['2']);

    // Slide 3 holds the number of states: 4 states, and the chart on slide 4 refits.
    await statesInput(page).fill('4');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('PageDown');
    await pollUntil(
      () => chartTitle(page),
      (t) => t.includes('4 states'),
      'a 4-state chart',
    );
    // Charts size to the slide's content box.
    const fit = await page.evaluate(() => {
      const frame = document.querySelector('vol-notebook-page main.page')!;
      const style = getComputedStyle(frame);
      const content =
        frame.getBoundingClientRect().width -
        parseFloat(style.paddingLeft) -
        parseFloat(style.paddingRight);
      // The width Plot was given (the legend's swatches are small svgs of their own).
      const widths = [...document.querySelectorAll('[data-chart="hmm-states"] svg')].map((svg) =>
        Number(svg.getAttribute('width')),
      );
      return { content, chart: Math.max(...widths) };
    });
    expect(fit.chart).toBeLessThanOrEqual(fit.content);
    expect(fit.chart).toBeGreaterThan(fit.content - 40);

    await page.keyboard.press('ArrowRight');
    await page.locator('vol-notebook-page main[data-present="4"]').waitFor();
    await expect.poll(() => slideInUrl(page)).toBe('5');
    // On slide 5 the inputs change (as a presenter window or a script would): 2 states.
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>(
        'vol-notebook-page .deck-cell[data-slide-index="2"] input[type=number]',
      )!;
      input.value = '2';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await pollUntil(
      () => chartTitle(page),
      (t) => t.includes('2 states'),
      'a 2-state chart',
    );

    // Back on slide 3: the 4 states it had when we left it, and the charts follow.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.locator('vol-notebook-page main[data-present="2"]').waitFor();
    expect(await statesInput(page).inputValue()).toBe('4');
    await pollUntil(
      () => chartTitle(page),
      (t) => t.includes('4 states'),
      'the restored chart',
    );

    // End, Home, G 6 Enter, O overview, Esc leaves.
    // Playwright learns of a same-document URL change by an event of its own: wait for the slide, then poll.
    await page.keyboard.press('End');
    await page.locator('vol-notebook-page main[data-present="7"]').waitFor();
    await expect.poll(() => slideInUrl(page)).toBe('8');
    await page.keyboard.press('Home');
    await page.locator('vol-notebook-page main[data-present="0"]').waitFor();
    await expect.poll(() => slideInUrl(page)).toBe('1');
    await page.keyboard.press('g');
    await page.keyboard.press('6');
    await page.keyboard.press('Enter');
    await page.locator('vol-notebook-page main[data-present="5"]').waitFor();
    await page.keyboard.press('o');
    await page.locator('[data-deck-overview]').waitFor();
    expect(await shownSlides(page)).toEqual([]);
    // Each slide is a thumbnail: its outputs (the HMM chart on slide 4) drawn at the slide's size, scaled down.
    expect(await page.locator('[data-overview-thumb]').count()).toBe(8);
    const thumb = page.locator('[data-overview-thumb="3"]');
    expect(await thumb.locator('[data-chart="hmm-states"] h2').innerText()).toContain('states');
    const thumbBox = (await thumb.boundingBox())!;
    const chartBox = (await thumb.locator('[data-chart="hmm-states"] svg').first().boundingBox())!;
    const slideBox = (await page.locator('vol-notebook-page main.page').boundingBox())!;
    expect(thumbBox.width).toBeLessThanOrEqual(242);
    expect(chartBox.width).toBeGreaterThan(0);
    expect(chartBox.width).toBeLessThanOrEqual(thumbBox.width);
    // Scaled as the slide frame is to the thumbnail, keeping 16:9.
    expect(thumbBox.height / thumbBox.width).toBeCloseTo(slideBox.height / slideBox.width, 1);
    expect(await page.locator('[data-overview-thumb="1"]').innerText()).toContain('The data');
    await page.locator('[data-overview-slide="6"]').click();
    await page.locator('vol-notebook-page main[data-present="6"]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('vol-notebook-page main:not([data-present])').waitFor();
    await expect.poll(() => slideInUrl(page)).toBeNull();
    expect(await page.locator('vol-notebook-page .deck-cell').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens on the slide in the URL, and the presenter window follows and drives the deck', async () => {
    const page = await workbench.context.newPage();
    await page.goto(`${workbench.url}/notebooks/regime-study?present&slide=3`);
    await page.locator('vol-notebook-page main[data-present="2"]').waitFor();
    await waitForSettled(page);

    const [presenter] = await Promise.all([
      workbench.context.waitForEvent('page'),
      page.keyboard.press('s'),
    ]);
    await presenter.locator('[data-presenter-slide="2"]').waitFor();
    await presenter
      .locator('[data-presenter-notes]')
      .getByText('Change the number of states')
      .waitFor();
    // The current slide's live outputs (its inputs with their values), and the next slide's charts.
    const current = presenter.locator('[data-presenter-current][data-presenter-live]');
    const next = presenter.locator('[data-presenter-next][data-presenter-live]');
    await current.locator('input[type=number][value="3"]').waitFor();
    await statesInputOn(page, '4');
    await current.locator('input[type=number][value="4"]').waitFor();
    await next.locator('[data-chart="hmm-states"]').waitFor();
    expect(await next.innerText()).toContain('price chart');

    await page.keyboard.press('ArrowRight');
    await presenter.locator('[data-presenter-slide="3"]').waitFor();
    const presenterChart = current.locator('[data-chart="hmm-states"] h2');
    await pollUntil(
      () => presenterChart.innerText(),
      (t) => t.includes('4 states'),
      '4 states',
    );
    await next.getByText('Transition probabilities').waitFor();
    await statesInputOn(page, '5');
    await presenter.locator('[data-presenter-inputs]').getByText('states: 5').waitFor();
    // The refit reaches the presenter's copy of the slide, as drawn for the audience.
    await pollUntil(
      () => presenterChart.innerText(),
      (t) => t.includes('5 states'),
      'the presenter chart refit',
    );
    expect(await presenterChart.innerText()).toBe(
      await page.locator('vol-notebook-page [data-chart="hmm-states"] h2').first().innerText(),
    );

    // Keys in the presenter window move the audience.
    await presenter.keyboard.press('ArrowLeft');
    await page.locator('vol-notebook-page main[data-present="2"]').waitFor();
    await expect.poll(() => slideInUrl(page)).toBe('3');
    await presenter.close();
    await page.close();
  });

  it('Share pins a link and revokes it, Export downloads the single file; ?inputs= sets the inputs', async () => {
    const page = await workbench.context.newPage();
    await page.goto(
      `${workbench.url}/notebooks/regime-study?inputs=${encodeURIComponent('{"states":2}')}`,
    );
    await waitForSettled(page);
    expect(await page.locator('vol-notebook-page input[type=number]').first().inputValue()).toBe(
      '2',
    );
    await page.locator('vol-notebook-page [data-panel=inputs]').click();
    const link = await page.locator('[data-inputs-link]').getAttribute('href');
    expect(JSON.parse(new URL(link!).searchParams.get('inputs')!)).toMatchObject({ states: 2 });

    await page.locator('vol-notebook-page [data-panel=share]').click();
    await page.locator('[data-share-create]').click();
    const url = await page.locator('[data-share-url]').getAttribute('href');
    const id = /\/s\/([^/]+)/.exec(url!)![1]!;
    await page.locator(`[data-share-id="${id}"]`).waitFor();
    // The link opens without the token.
    expect((await fetch(url!)).status).toBe(200);
    const listed = (await (
      await fetch(`${workbench.url}/api/shares`, {
        headers: { Authorization: `Bearer ${workbench.token}` },
      })
    ).json()) as { shares: { id: string }[] };
    expect(listed.shares.map((s) => s.id)).toContain(id);

    await page.locator(`[data-share-id="${id}"] [data-share-revoke]`).click();
    await page.locator(`[data-share-id="${id}"]`).waitFor({ state: 'detached' });
    expect((await fetch(url!)).status).toBe(404);

    await page.locator('vol-notebook-page [data-panel=export]').click();
    expect(await page.locator('[data-export-command]').first().innerText()).toBe(
      'npm run export -- notebooks/regime-study.md',
    );

    // Export downloads the single-file export, pinned with the page's inputs (2 states from the URL).
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 300_000 }),
      page.locator('[data-export-download]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('regime-study.html');
    const file = await readFile((await download.path())!, 'utf8');
    const bundle = /<script type="application\/json" id="vollab-bundle">(.*?)<\/script>/s.exec(
      file,
    );
    const files = JSON.parse(bundle![1]!) as Record<string, string>;
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!, 'base64').toString()) as {
      title: string;
      inputs: Record<string, unknown>;
      slices: { dataset: string }[];
      cells: { status: string }[];
    };
    expect(manifest.title).toBe('Regime study');
    expect(manifest.inputs).toMatchObject({ states: 2 });
    expect(manifest.slices.map((s) => s.dataset).sort()).toEqual(['ohlcv_daily', 'regime_labels']);
    expect(manifest.cells.filter((c) => c.status !== 'ok')).toEqual([]);
    await page.locator('[data-export-status="done"]').waitFor();
    await page.close();
  }, 400_000);
});

async function statesInputOn(page: Page, value: string): Promise<void> {
  await page.evaluate((v) => {
    const input = document.querySelector<HTMLInputElement>(
      'vol-notebook-page .deck-cell[data-slide-index="2"] input[type=number]',
    )!;
    input.value = v;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}
