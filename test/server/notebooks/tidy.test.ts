import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../../../cells/time';
import { createNotebookStore } from '../../../server/notebooks/store';
import { applyRetention, removeTempFiles } from '../../../server/notebooks/tidy';
import { useTempDir } from '../temp-dir';

const NOW = Date.UTC(2026, 5, 1);
const daysAgo = (days: number) => new Date(NOW - days * MS_PER_DAY);

describe('notebook folder tidying', () => {
  const root = useTempDir('vollab-tidy-');

  async function file(path: string, ageDays: number): Promise<void> {
    await mkdir(join(root(), path, '..'), { recursive: true });
    await writeFile(join(root(), path), path);
    await utimes(join(root(), path), daysAgo(ageDays), daysAgo(ageDays));
  }

  it('keeps files younger than maxAgeDays, at most maxFiles of them, newest first', async () => {
    for (const [name, age] of [['a', 1], ['b', 2], ['c', 3], ['d', 31], ['e', 60]] as const)
      await file(`.trash/${name}.md`, age);
    const removed = await applyRetention(join(root(), '.trash'), { maxAgeDays: 30, maxFiles: 2 }, NOW);
    expect(removed.sort()).toEqual(['c.md', 'd.md', 'e.md']);
    expect((await readdir(join(root(), '.trash'))).sort()).toEqual(['a.md', 'b.md']);
    expect(await applyRetention(join(root(), 'missing'), { maxAgeDays: 1, maxFiles: 1 }, NOW)).toEqual(
      [],
    );
  });

  it('removes only the temp files of atomic writes, in every folder', async () => {
    await file('.a.md.0123456789ab.tmp', 0);
    await file('sub/.b.md.ba9876543210.tmp', 0);
    await file('sub/b.md', 0);
    await file('.conflicts/.c.md.00112233aabb.tmp', 0);
    await file('notes.tmp', 0);
    expect((await removeTempFiles(root())).sort()).toEqual([
      '.a.md.0123456789ab.tmp',
      '.conflicts/.c.md.00112233aabb.tmp',
      'sub/.b.md.ba9876543210.tmp',
    ]);
    expect((await readdir(root())).sort()).toEqual(['.conflicts', 'notes.tmp', 'sub']);
  });

  it('applies the retention to .trash/ and .conflicts/ when the store deletes or keeps a conflict', async () => {
    for (let i = 0; i < 3; i++) await file(`.trash/old-${i}.md`, 40);
    await file('.conflicts/old.md', 40);
    const store = createNotebookStore(root(), { retention: { maxAgeDays: 30, maxFiles: 10 } });
    const doc = await store.create({ title: 'Gone soon' });
    const { trashed } = await store.remove(doc.path);
    expect(await readdir(join(root(), '.trash'))).toEqual([trashed.slice('.trash/'.length)]);
    expect(await readdir(join(root(), '.conflicts'))).toEqual([]);
  });
});
