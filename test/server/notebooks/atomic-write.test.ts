import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { atomicWrite, moveNoClobber, writeNew } from '../../../server/notebooks/atomic-write';
import { createNotebookStore } from '../../../server/notebooks/store';
import { contentEtag } from '../../../server/http/etag';
import { useTempDir } from '../temp-dir';

// A crash between the temp write and the rename is simulated by making rename fail once.
const crash = vi.hoisted(() => ({ next: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (crash.next) {
        crash.next = false;
        throw Object.assign(new Error('simulated crash'), { code: 'EIO' });
      }
      return actual.rename(from, to);
    },
  };
});

describe('atomic writes', () => {
  const dir = useTempDir('vollab-atomic-');

  it('replaces a file and leaves no temp file', async () => {
    await writeFile(join(dir(), 'a.md'), 'old');
    await atomicWrite(join(dir(), 'a.md'), 'new');
    expect(await readFile(join(dir(), 'a.md'), 'utf8')).toBe('new');
    expect(await readdir(dir())).toEqual(['a.md']);
  });

  it('keeps the old file intact when the rename fails, and cleans up the temp file', async () => {
    await writeFile(join(dir(), 'a.md'), 'old');
    crash.next = true;
    await expect(atomicWrite(join(dir(), 'a.md'), 'new')).rejects.toThrow('simulated crash');
    expect(await readFile(join(dir(), 'a.md'), 'utf8')).toBe('old');
    expect(await readdir(dir())).toEqual(['a.md']);
  });

  it('keeps the old notebook when a save crashes before the rename', async () => {
    const store = createNotebookStore(dir());
    await writeFile(join(dir(), 'n.md'), '# v1\n');
    crash.next = true;
    await expect(store.save('n.md', '# v2\n', contentEtag('# v1\n'))).rejects.toThrow('simulated crash');
    expect(await readFile(join(dir(), 'n.md'), 'utf8')).toBe('# v1\n');
    expect(await readdir(dir())).toEqual(['n.md']);
    const next = await store.save('n.md', '# v2\n', contentEtag('# v1\n')); // the store is not wedged
    expect(next).toMatchObject({ status: 'saved', etag: contentEtag('# v2\n') });
  });

  it('creates without clobbering', async () => {
    await writeNew(join(dir(), 'b.md'), 'first');
    await expect(writeNew(join(dir(), 'b.md'), 'second')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(join(dir(), 'b.md'), 'utf8')).toBe('first');
    await writeFile(join(dir(), 'c.md'), 'c');
    await expect(moveNoClobber(join(dir(), 'c.md'), join(dir(), 'b.md'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect((await readdir(dir())).sort()).toEqual(['b.md', 'c.md']);
  });
});
