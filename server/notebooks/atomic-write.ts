/**
 * Durable file writes: the new content goes to a temp file in the same folder, is fsynced, then renamed
 * over the target, so a crash leaves either the old file or the new one, never half of each.
 */
import { randomBytes } from 'node:crypto';
import { link, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isErrno } from '../http/errors';
import { syncDir } from '../util/durable';

async function writeTemp(path: string, text: string): Promise<string> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  return tmp;
}

/**
 * Replace (or create) `path` with `text` atomically.
 *
 * @example
 * await atomicWrite('notebooks/a.md', '# A\n');
 */
export async function atomicWrite(path: string, text: string): Promise<void> {
  const tmp = await writeTemp(path, text);
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await syncDir(dirname(path));
}

/** Create `path` with `text`, atomically, failing with EEXIST rather than replacing a file. */
export async function writeNew(path: string, text: string): Promise<void> {
  const tmp = await writeTemp(path, text);
  try {
    await moveNoClobber(tmp, path);
  } finally {
    await rm(tmp, { force: true });
  }
  await syncDir(dirname(path));
}

/**
 * Move a file without replacing an existing target (EEXIST). A hard link is atomic; where links are not
 * supported, fall back to check-then-rename.
 */
export async function moveNoClobber(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (isErrno(error, 'EEXIST') || !(isErrno(error, 'EPERM') || isErrno(error, 'ENOTSUP'))) throw error;
    const exists = await stat(to).then(
      () => true,
      () => false,
    );
    if (exists) throw Object.assign(new Error(`EEXIST: ${to}`), { code: 'EEXIST' });
    await rename(from, to);
    return;
  }
  await rm(from, { force: true });
}
