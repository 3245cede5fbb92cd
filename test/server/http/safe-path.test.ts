import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../server/http/errors';
import {
  isInside,
  rawPathAfter,
  resolveFileInside,
  safeSegments,
} from '../../../server/http/safe-path';

const statusOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof ApiError ? error.status : -1;
  }
  return 0;
};

describe('safeSegments', () => {
  it('decodes plain segments once', () => {
    expect(safeSegments('source%3Dsimulated/kind=ohlcv/part.parquet')).toEqual([
      'source=simulated',
      'kind=ohlcv',
      'part.parquet',
    ]);
    expect(safeSegments('a%20b.md')).toEqual(['a b.md']);
  });

  it('refuses traversal in every spelling with 403', () => {
    for (const raw of [
      '..',
      'a/../b',
      '.',
      '%2e%2e',
      '%2E%2E/x',
      '..%2fx',
      '%2e%2e%2fx',
      '%252e%252e',
      '..%5cx',
      '..\\x',
      '%2fetc',
      'C%3A%5Cx',
      '.env',
      'a/.git/config',
    ]) {
      expect(
        statusOf(() => safeSegments(raw)),
        raw,
      ).toBe(403);
    }
  });

  it('refuses malformed input with 400', () => {
    for (const raw of [
      '',
      'a//b',
      '/etc/passwd',
      'a%00b',
      '%E0%A4%A',
      'x%',
      `${'a'.repeat(256)}`,
    ]) {
      expect(
        statusOf(() => safeSegments(raw)),
        raw,
      ).toBe(400);
    }
  });

  it('takes the raw tail after a prefix', () => {
    expect(rawPathAfter('http://h/datasets/a%2fb?x=1', '/datasets/')).toBe('a%2fb');
    expect(rawPathAfter('http://h/other', '/datasets/')).toBeNull();
  });

  it('compares containment by whole segments', () => {
    expect(isInside('/srv/data', '/srv/data/a')).toBe(true);
    expect(isInside('/srv/data', '/srv/data')).toBe(true);
    expect(isInside('/srv/data', '/srv/database/a')).toBe(false);
  });
});

describe('resolveFileInside', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vollab-safe-'));
    await mkdir(join(root, 'in/sub'), { recursive: true });
    await writeFile(join(root, 'in/sub/f.txt'), 'ok');
    await writeFile(join(root, 'out.txt'), 'secret');
    await symlink(join(root, 'out.txt'), join(root, 'in/link.txt'));
    await symlink(join(root, 'in/sub/f.txt'), join(root, 'in/inner.txt'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('resolves files, follows symlinks that stay inside, and returns null for missing files and folders', async () => {
    expect(await resolveFileInside(join(root, 'in'), ['sub', 'f.txt'])).toMatch(/in\/sub\/f\.txt$/);
    expect(await resolveFileInside(join(root, 'in'), ['inner.txt'])).toMatch(/in\/sub\/f\.txt$/);
    expect(await resolveFileInside(join(root, 'in'), ['sub'])).toBeNull();
    expect(await resolveFileInside(join(root, 'in'), ['nope'])).toBeNull();
    expect(await resolveFileInside(join(root, 'missing-root'), ['x'])).toBeNull();
  });

  it('refuses a symlink escaping the root with 403', async () => {
    const error = await resolveFileInside(join(root, 'in'), ['link.txt']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(403);
  });
});
