import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForSettled } from './support/page';
import { useWorkbench } from './support/session';

describe('bad input in the workbench', () => {
  const workbench = useWorkbench();

  /** Write a notebook through the API (a PUT without If-Match creates it); returns its ETag. */
  async function putNotebook(path: string, text: string, etag?: string): Promise<string> {
    const response = await fetch(`${workbench.url}/api/notebooks/${path}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${workbench.token}`,
        ...(etag ? { 'if-match': etag } : {}),
      },
      body: JSON.stringify({ text }),
    });
    expect(response.status).toBeLessThan(300);
    return ((await response.json()) as { etag: string }).etag;
  }

  async function open(name: string): Promise<Page> {
    const page = await workbench.context.newPage();
    await page.goto(`${workbench.url}/notebooks/${name}`);
    return page;
  }

  it('opens a notebook that does not parse with the error shown and never rewrites it', async () => {
    const text = '---\ntitle: Broken\n---\n# Broken\n```js\nconst a = 1\n\nno closing fence here\n';
    await putNotebook('unparsable.md', text);
    const page = await open('unparsable');
    const banner = page.locator('vol-notebook-page [data-parse-error]');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/unterminated fence at line 5, column 1/);
    expect(await page.locator('vol-notebook-page .cm-content').textContent()).toContain(
      'no closing fence here',
    );
    const writes: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/notebooks') && request.method() !== 'GET') {
        writes.push(`${request.method()} ${request.url()}`);
      }
    });
    await page.keyboard.press('Control+s');
    // The save is refused, visibly, before any request could be made; then the file is checked.
    const refused = page.locator('vol-notebook-page .toolbar [data-save-state="error"]');
    await refused.waitFor({ timeout: 10_000 });
    expect(await refused.textContent()).toMatch(/Not saved: the notebook does not parse/);
    expect(writes).toEqual([]);
    expect(await readFile(join(workbench.notebooksDir, 'unparsable.md'), 'utf8')).toBe(text);
    await page.close();
  });

  it('refuses a stale save, keeps both versions, and can overwrite on request', async () => {
    const original = '# Shared\n\n```js\n1 + 1\n```\n';
    const etag = await putNotebook('shared.md', original);
    const page = await open('shared');
    await waitForSettled(page);

    const theirs = '# Shared\n\n```js\n2 + 2\n```\n';
    await putNotebook('shared.md', theirs, etag);

    await page.locator('vol-notebook-page [data-kind="js"] .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' + 40');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('vol-notebook-page main[data-save-state="conflict"]');
    expect(await page.locator('vol-notebook-page .banner.conflict').textContent()).toMatch(
      /changed on disk/,
    );
    expect(await readFile(join(workbench.notebooksDir, 'shared.md'), 'utf8')).toBe(theirs);
    const copies = await readdir(join(workbench.notebooksDir, '.conflicts'));
    const mine = await readFile(
      join(
        workbench.notebooksDir,
        '.conflicts',
        copies.find((f) => f.startsWith('shared'))!,
      ),
      'utf8',
    );
    expect(mine).toContain('1 + 1 + 40');

    await page.getByRole('button', { name: 'Overwrite it with mine' }).click();
    await page.waitForSelector('vol-notebook-page main[data-save-state="saved"]');
    expect(await readFile(join(workbench.notebooksDir, 'shared.md'), 'utf8')).toContain(
      '1 + 1 + 40',
    );
    await page.close();
  });

  it('keeps the other cells working around a throwing cell, a missing dataset and a huge result', async () => {
    const text = [
      '# Bad cells',
      '```js',
      'const ok = 21 * 2',
      '```',
      '```js',
      'throw new Error("deliberate failure")',
      '```',
      '```sql',
      'SELECT * FROM no_such_dataset',
      '```',
      '```sql id=big',
      'SELECT range AS i FROM range(50000)',
      '```',
      '```js',
      'ok + big.numRows',
      '```',
      '',
    ].join('\n');
    await putNotebook('bad-cells.md', text);
    const page = await open('bad-cells');
    const states = await waitForSettled(page);
    expect(states.map((s) => s.status)).toEqual(['ok', 'ok', 'error', 'error', 'ok', 'ok']);
    expect(states[2]!.error).toBe('deliberate failure');
    expect(states[3]!.error).toMatch(/no_such_dataset does not exist/);
    expect(await page.locator('vol-notebook-page .table-note').textContent()).toMatch(
      /Showing the first 10,000 of 50,000 rows/,
    );
    expect(
      await page
        .locator(`vol-notebook-page [data-cell-id="${states[5]!.id}"] .output`)
        .textContent(),
    ).toContain('50042');
    await page.close();
  });
});
