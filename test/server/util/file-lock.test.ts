import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireFileLock, LockHeldError, withFileLock } from '../../../server/util/file-lock';
import { createLockedQueue } from '../../../server/util/locked-queue';
import { useTempDir } from '../temp-dir';

describe('file locks', () => {
  const dir = useTempDir('vollab-lock-');

  it('admits one holder at a time and removes the file on release', async () => {
    const path = join(dir(), '.lock');
    const log: string[] = [];
    const hold = (name: string) =>
      withFileLock(path, async () => {
        log.push(`in ${name}`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`out ${name}`);
      });
    await Promise.all([hold('a'), hold('b'), hold('c')]);
    for (let i = 0; i < log.length; i += 2) expect(log[i + 1]).toBe(log[i]!.replace('in', 'out'));
    expect(await readdir(dir())).toEqual([]);
  });

  it('fails at once with timeout 0 while a live holder has it', async () => {
    const path = join(dir(), '.lock');
    const lock = await acquireFileLock(path);
    const error = await acquireFileLock(path, { timeoutMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockHeldError);
    expect((error as LockHeldError).holderPid).toBe(process.pid);
    await lock.release();
    await (await acquireFileLock(path, { timeoutMs: 0 })).release();
  });

  it("takes over a file naming this process's pid but none of its locks (a restart that reused the pid)", async () => {
    const path = join(dir(), '.lock');
    await writeFile(path, JSON.stringify({ pid: process.pid, nonce: 'from-a-previous-life' }));
    const lock = await acquireFileLock(path, { timeoutMs: 0 });
    await lock.release();
    expect(await readdir(dir())).toEqual([]);
  });

  it('turns a lock held past the timeout into a 503 in a locked queue', async () => {
    const path = join(dir(), '.lock');
    const lock = await acquireFileLock(path);
    const queue = createLockedQueue(path, { timeoutMs: 0 });
    await expect(queue(async () => 'never')).rejects.toMatchObject({ status: 503 });
    await lock.release();
    expect(await queue(async () => 'ran')).toBe('ran');
  });
});
