/**
 * Presentation mode in headless Debian chromium against a real sidecar: a slide change with live charts (key
 * press to the next slide laid out and painted), an input change on a live slide to its chart redrawn, and the
 * deck printed to PDF.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { printSlidesToPdf } from '../../server/export/pdf';
import { CHROMIUM_PATH, launchChromium } from '../e2e/support/browser';
import { waitForSettled } from '../e2e/support/page';
import { startWorkbench, type Workbench } from '../e2e/support/workbench';
import type { BenchSuite } from './harness';

const root = resolve(import.meta.dirname, '../..');
let workbench: Workbench;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;

export const suite: BenchSuite = {
  name: 'present (headless chromium)',
  async setup() {
    workbench = await startWorkbench();
    browser = await launchChromium();
    await workbench.signIn(browser.context);
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${workbench.url}/notebooks/regime-study?present&slide=3`);
    await waitForSettled(page);
  },
  async teardown() {
    await browser.close();
    await workbench.close();
  },
  cases: [
    {
      name: 'slide change (→ / ←) between slides 3 and 4, two live charts',
      goal: '< 100 ms',
      runs: 9,
      run: async () => {
        const value = await page.evaluate(async () => {
          const frame = document.querySelector('vol-notebook-page main.page')!;
          const from = frame.getAttribute('data-present');
          const key = from === '2' ? 'ArrowRight' : 'ArrowLeft';
          const start = performance.now();
          dispatchEvent(new KeyboardEvent('keydown', { key }));
          // Until the new slide is current and a frame has been painted with it.
          while (frame.getAttribute('data-present') === from)
            await new Promise((r) => requestAnimationFrame(r));
          await new Promise((r) => requestAnimationFrame(r));
          return performance.now() - start;
        });
        return { value, unit: 'ms' };
      },
    },
    {
      name: 'states input on a live slide → HMM refit and chart redrawn',
      runs: 5,
      run: async () => {
        const value = await page.evaluate(async () => {
          const input = document.querySelector<HTMLInputElement>(
            'vol-notebook-page .deck-cell[data-slide-index="2"] input[type=number]',
          )!;
          const selector = '[data-chart="hmm-states"]';
          const before = document.querySelector(selector);
          input.value = input.value === '3' ? '2' : '3';
          const start = performance.now();
          input.dispatchEvent(new Event('input', { bubbles: true }));
          for (;;) {
            await new Promise((r) => requestAnimationFrame(r));
            const now = document.querySelector(selector);
            if (now && now !== before && now.textContent?.includes(`${input.value} states`))
              return performance.now() - start;
          }
        });
        return { value, unit: 'ms' };
      },
    },
    {
      name: 'print the regime study deck to PDF (own sidecar and chromium)',
      runs: 1,
      run: async () => {
        const dir = await mkdtemp(join(tmpdir(), 'vollab-pdf-bench-'));
        try {
          await printSlidesToPdf(join(root, 'notebooks/regime-study.md'), join(dir, 'deck.pdf'), {
            root,
            chromiumPath: CHROMIUM_PATH,
          });
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    },
  ],
};
