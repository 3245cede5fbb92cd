/** Listing the notebooks under a root: `.md` files, recursively, skipping hidden entries (`.trash/`, `.conflicts/`, temp files). */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { NotebookSummary } from '../contract/notebooks';
import { contentEtag } from '../http/etag';
import { isErrno } from '../http/errors';
import { notebookTitle } from '../../web/notebook/title';

/**
 * @example
 * await listNotebooks('./notebooks'); // [{path: 'intro.md', title: 'Intro', modified, size, etag}, …]
 */
export async function listNotebooks(root: string): Promise<NotebookSummary[]> {
  const found: NotebookSummary[] = [];
  await walk(root, '', found);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function walk(root: string, prefix: string, found: NotebookSummary[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(join(root, prefix), { withFileTypes: true });
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    throw error;
  }
  for (const entry of entries) {
    // Symlinks are not followed: a listing never reaches outside the root.
    if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      await walk(root, path, found);
    } else if (entry.isFile() && entry.name.endsWith('.md')) {
      const absolute = join(root, path);
      const [text, info] = await Promise.all([readFile(absolute, 'utf8'), stat(absolute)]);
      found.push({
        path,
        title: notebookTitle(text, entry.name.slice(0, -3)),
        modified: info.mtime.toISOString(),
        size: info.size,
        etag: contentEtag(text),
      });
    }
  }
}
