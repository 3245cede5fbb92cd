import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitForSettled } from './support/page';
import { useWorkbench } from './support/session';

describe('the notebook list', () => {
  const workbench = useWorkbench();

  it('creates, opens, renames and deletes a notebook', async () => {
    const page = await workbench.context.newPage();
    await page.goto(`${workbench.url}/`);
    await page.locator('vol-notebook-list li').first().waitFor();
    expect(await page.locator('vol-notebook-list li a').allTextContents()).toContain(
      'Getting started',
    );

    await page.getByLabel('New notebook title').fill('Skew study');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(`${workbench.url}/notebooks/skew-study`);
    const states = await waitForSettled(page);
    expect(states.length).toBeGreaterThan(0);
    expect(await readdir(workbench.notebooksDir)).toContain('skew-study.md');

    await page.goto(`${workbench.url}/`);
    const row = page.locator('vol-notebook-list li[data-path="skew-study.md"]');
    page.once('dialog', (dialog) => void dialog.accept('studies/skew.md'));
    await row.getByRole('button', { name: 'Rename' }).click();
    await page.locator('vol-notebook-list li[data-path="studies/skew.md"]').waitFor();
    expect(await readdir(join(workbench.notebooksDir, 'studies'))).toEqual(['skew.md']);

    page.once('dialog', (dialog) => void dialog.accept());
    await page
      .locator('vol-notebook-list li[data-path="studies/skew.md"]')
      .getByRole('button', { name: 'Delete' })
      .click();
    await page
      .locator('vol-notebook-list li[data-path="studies/skew.md"]')
      .waitFor({ state: 'detached' });
    const trash = await readdir(join(workbench.notebooksDir, '.trash'));
    expect(trash.some((name) => name.endsWith('skew.md'))).toBe(true);
    await page.close();
  });
});
