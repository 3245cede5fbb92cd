import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetCatalog } from '../../server/contract';
import {
  startFakeAnthropic,
  textAnswer,
  toolUse,
  type FakeAnthropic,
} from '../server/chat/fake-anthropic';
import { launchChromium } from './support/browser';
import { collectPageErrors, waitForSettled } from './support/page';
import { startWorkbench, type Workbench } from './support/workbench';

const KEY = 'sk-ant-e2e-test-key-0123456789SECRET';
const COUNT_SQL = 'SELECT count(*) AS n FROM ohlcv_daily';
const ANSWER_SQL = 'SELECT symbol, count(*) AS n FROM ohlcv_daily GROUP BY symbol ORDER BY symbol';

describe('Claude in the workbench', () => {
  let upstream: FakeAnthropic;
  let workbench: Workbench;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;

  beforeAll(async () => {
    upstream = await startFakeAnthropic();
    workbench = await startWorkbench({
      env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: upstream.url },
    });
    browser = await launchChromium();
    context = browser.context;
    await workbench.signIn(context);
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.close();
    await upstream?.close();
  });

  it('asks, streams the answer with its run_sql step, inserts the SQL as a cell, and the cell runs', async () => {
    const put = await fetch(`${workbench.url}/api/notebooks/chat-study.md`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${workbench.token}` },
      body: JSON.stringify({ text: '# Chat study\n\n```js\n1 + 1\n```\n' }),
    });
    expect(put.status).toBeLessThan(300);
    upstream.script(
      {
        events: toolUse(
          'toolu_e2e',
          'run_sql',
          [JSON.stringify({ sql: COUNT_SQL })],
          'Counting rows. ',
        ),
      },
      {
        events: textAnswer(['Daily bars per symbol:\n\n', '```sql\n', `${ANSWER_SQL}\n`, '```\n']),
      },
    );
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${workbench.url}/notebooks/chat-study`);
    const before = await waitForSettled(page);

    await page.locator('vol-chat-panel [data-chat-preview]').waitFor();
    await page.locator('vol-chat-panel [data-chat-input]').fill('How many daily bars per symbol?');
    await page.locator('vol-chat-panel [data-chat-send]').click();

    const step = page.locator('vol-chat-panel [data-chat-step="run_sql"]');
    await step.waitFor();
    const catalog = JSON.parse(
      await readFile(join(resolve(import.meta.dirname, '../../datasets'), 'catalog.json'), 'utf8'),
    ) as DatasetCatalog;
    const rows = catalog.datasets.find((d) => d.name === 'ohlcv_daily')!.rows;
    await page.waitForFunction(
      (n) =>
        document
          .querySelector('vol-chat-panel')
          ?.shadowRoot?.querySelector('[data-chat-step="run_sql"] td')?.textContent === String(n),
      rows,
      { timeout: 30_000 },
    );
    expect(await step.locator('.query').textContent()).toBe(COUNT_SQL);

    const answer = page.locator('vol-chat-panel [data-chat-message="assistant"]').last();
    await answer.locator('[data-insert-cell="sql"]').waitFor();
    expect(await answer.textContent()).toContain('Daily bars per symbol');
    expect((await answer.locator('[data-chat-usage]').textContent())?.trim()).toBe(
      '30 tokens in · 37 out',
    ); // 20 + 10 in, 30 + 7 out over the two requests;

    await answer.locator('[data-insert-cell="sql"]').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('vol-notebook-page [data-cell-id]').length === n + 1,
      before.length,
    );
    const after = await waitForSettled(page);
    expect(after).toHaveLength(before.length + 1);
    expect(after.every((c) => c.status === 'ok')).toBe(true);
    const inserted = page.locator('vol-notebook-page [data-kind="sql"]');
    expect(await inserted.count()).toBe(1);

    // The tool_result went back with the same id, the key never reached the page.
    const toolResult = (
      upstream.requests[1]!.body.messages.at(-1)!.content as {
        tool_use_id: string;
        content: string;
      }[]
    )[0]!;
    expect(toolResult.tool_use_id).toBe('toolu_e2e');
    expect(JSON.parse(toolResult.content).rows).toEqual([[rows]]);
    expect(await page.content()).not.toContain(KEY);
    expect(errors).toEqual([]);
    await page.close();
  });
  it('Fix with Claude sends the failing cell with its error, and Replace cell fixes it', async () => {
    const broken = 'SELEC count(*) AS n FROM ohlcv_daily';
    const fixed = 'SELECT count(*) AS n FROM ohlcv_daily';
    const put = await fetch(`${workbench.url}/api/notebooks/chat-fix.md`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${workbench.token}` },
      body: JSON.stringify({ text: `# Fix\n\n\`\`\`sql\n${broken}\n\`\`\`\n` }),
    });
    expect(put.status).toBeLessThan(300);
    upstream.script({ events: textAnswer(['A typo:\n\n```sql\n', `${fixed}\n`, '```\n']) });
    const page = await context.newPage();
    await page.goto(`${workbench.url}/notebooks/chat-fix`);
    const before = await waitForSettled(page);
    const sqlCell = page.locator('vol-notebook-page [data-kind="sql"]');
    expect(await sqlCell.getAttribute('data-status')).toBe('error');
    await page.locator('vol-notebook-page [data-fix-with-claude]').click();
    const answer = page.locator('vol-chat-panel [data-chat-message="assistant"]').last();
    await answer.locator('[data-replace-cell]').waitFor();

    const sent = upstream.requests.at(-1)!.body;
    const question = sent.messages.at(-1)!.content as string;
    expect(question).toContain(broken);
    expect(question).toMatch(/Error.*SELEC/s);
    expect(question).toContain('Schema of ohlcv_daily:');

    await answer.locator('[data-replace-cell]').click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('vol-notebook-page [data-kind="sql"]')
          ?.getAttribute('data-status') === 'ok',
    );
    const after = await waitForSettled(page);
    expect(after).toHaveLength(before.length);
    expect(after.every((c) => c.status === 'ok')).toBe(true);
    await page.close();
  });

  it('Stop aborts the upstream request and keeps the partial answer, marked stopped', async () => {
    upstream.script({ events: textAnswer(['Thinking about it']).slice(0, 4), hold: true });
    const page = await context.newPage();
    await page.goto(`${workbench.url}/notebooks/chat-study`);
    await waitForSettled(page);
    await page.locator('vol-chat-panel [data-chat-input]').fill('A long question');
    await page.locator('vol-chat-panel [data-chat-send]').click();
    const live = page.locator('vol-chat-panel [data-chat-message="assistant"]').last();
    await page.waitForFunction(() =>
      [
        ...(document
          .querySelector('vol-chat-panel')
          ?.shadowRoot?.querySelectorAll('[data-chat-message="assistant"]') ?? []),
      ].some((m) => m.textContent?.includes('Thinking about it')),
    );
    await page.locator('vol-chat-panel [data-chat-stop]').click();
    await live.locator('[data-chat-error]').waitFor();
    expect(await live.locator('[data-chat-error]').textContent()).toContain('Stopped.');
    const deadline = Date.now() + 10_000;
    while (upstream.aborted() === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(upstream.aborted()).toBe(1);
    expect((await fetch(`${workbench.url}/api/health`)).status).toBe(200);
    await page.close();
  });
});

describe('Claude without a key', () => {
  let workbench: Workbench;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    workbench = await startWorkbench({ env: { ANTHROPIC_API_KEY: '' } });
    browser = await launchChromium();
    await workbench.signIn(browser.context);
  });

  afterAll(async () => {
    await browser?.close();
    await workbench?.close();
  });

  it('says how to enable it, and the notebook still runs', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${workbench.url}/notebooks/getting-started`);
    const off = page.locator('vol-chat-panel [data-chat-disabled]');
    await off.waitFor();
    expect(await off.textContent()).toContain('ANTHROPIC_API_KEY');
    const cells = await waitForSettled(page);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.status === 'ok')).toBe(true);
    await page.close();
  });
});
