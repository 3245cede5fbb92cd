import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../server/http/errors';
import { notebookPath, notebookPathFromUrl, resolveNotebook } from '../../../server/notebooks/paths';

const statusOf = (fn: () => unknown) => {
  try {
    fn();
    return 0;
  } catch (error) {
    return error instanceof ApiError ? error.status : -1;
  }
};

describe('notebookPath', () => {
  it('accepts relative .md paths of plain names', () => {
    for (const path of ['a.md', 'studies/btc-regimes.md', 'Études/vol (2025).md', 'a/b/c/d.md']) {
      expect(notebookPath(path)).toBe(path);
    }
  });

  it('refuses escapes and hidden names with 403, malformed paths with 400', () => {
    const cases: [unknown, number][] = [
      ['../a.md', 403],
      ['a/../../b.md', 403],
      ['/etc/x.md', 403],
      ['C:/x.md', 403],
      ['a\\b.md', 403],
      ['.trash/a.md', 403],
      ['a/.git.md', 403],
      ['a.txt', 400],
      ['.md', 403],
      ['a//b.md', 400],
      ['a\u0000.md', 400],
      ['a%2e.md', 400],
      [`${'a'.repeat(240)}.md`, 400],
      ['a/b/c/d/e/f/g/h/i.md', 400],
      [42, 400],
    ];
    for (const [path, status] of cases) expect(statusOf(() => notebookPath(path)), String(path)).toBe(status);
  });

  it('decodes URL tails once and refuses encoded traversal', () => {
    expect(notebookPathFromUrl('studies/vol%20study.md')).toBe('studies/vol study.md');
    expect(statusOf(() => notebookPathFromUrl('%2e%2e/a.md'))).toBe(403);
    expect(statusOf(() => notebookPathFromUrl('..%2fa.md'))).toBe(403);
  });
});

describe('resolveNotebook', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vollab-nbpath-'));
    await symlink(tmpdir(), join(root, 'outside'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('resolves new and nested paths inside the root, and refuses a symlinked folder leading out', async () => {
    expect(await resolveNotebook(join(root, 'nb'), 'new/deep/x.md')).toMatch(/nb\/new\/deep\/x\.md$/);
    const error = await resolveNotebook(root, 'outside/x.md').catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(403);
  });
});
