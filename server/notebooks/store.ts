/**
 * The notebook store: Markdown files under one root. Saves are optimistic (If-Match on a content-hash ETag);
 * a stale save keeps both versions (the rejected text goes to `.conflicts/`), deletes go to `.trash/`, both
 * kept for a while (`Retention`). Mutations run one at a time, also across processes (a lock file in the root),
 * so a check and the write that follows it cannot interleave with another sidecar's or another request's.
 */
import { mkdir, readFile, stat, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type {
  NotebookDocument,
  NotebookSaved,
  NotebookSummary,
  SaveConflictBody,
} from '../contract/notebooks';
import { contentEtag, etagMatches } from '../http/etag';
import { httpError, isErrno } from '../http/errors';
import { createLockedQueue } from '../util/locked-queue';
import { atomicWrite, moveNoClobber, writeNew } from './atomic-write';
import { newNotebookText, slugify } from './front-matter';
import { listNotebooks } from './list';
import { notebookPath, resolveNotebook } from './paths';
import { applyRetention, DEFAULT_RETENTION, removeTempFiles, type Retention } from './tidy';

export type SaveResult =
  | ({ status: 'saved' | 'created' } & NotebookSaved)
  | ({ status: 'conflict' } & Omit<SaveConflictBody, 'error'>);

export interface NotebookStore {
  list(): Promise<NotebookSummary[]>;
  read(path: string): Promise<NotebookDocument>;
  create(input: { path?: string; title: string }): Promise<NotebookDocument>;
  /** Save `text`; `ifMatch` is required when the file exists (428 without it). */
  save(path: string, text: string, ifMatch: string | undefined): Promise<SaveResult>;
  rename(from: string, to: string): Promise<NotebookDocument>;
  /** Move to `.trash/`; returns the trash path relative to the root. */
  remove(path: string): Promise<{ trashed: string }>;
}

/** The lock file every mutation holds, in the notebooks root (hidden, so never listed). */
export const SAVE_LOCK = '.vollab-save.lock';

/**
 * @example
 * const store = createNotebookStore('./notebooks');
 * const doc = await store.create({ title: 'BTC regimes' }); // btc-regimes.md
 * await store.save(doc.path, doc.text + '\nmore', doc.etag);
 */
export function createNotebookStore(
  root: string,
  options: { retention?: Retention } = {},
): NotebookStore {
  const retention = options.retention ?? DEFAULT_RETENTION;
  const locked = createLockedQueue(join(root, SAVE_LOCK));
  let tidied = false;
  const serialize = <T>(fn: () => Promise<T>): Promise<T> =>
    locked(async () => {
      if (!tidied) {
        // Under the lock no save is mid-write, so any temp file is a killed save's leftover.
        await removeTempFiles(root);
        await applyRetention(join(root, '.trash'), retention);
        await applyRetention(join(root, '.conflicts'), retention);
        tidied = true;
      }
      return fn();
    });
  const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
  const flat = (path: string) => path.replaceAll('/', '__');

  async function readText(absolute: string): Promise<string | null> {
    return readFile(absolute, 'utf8').catch((error: unknown) => {
      if (isErrno(error, 'ENOENT') || isErrno(error, 'EISDIR')) return null;
      throw error;
    });
  }

  async function document(path: string, absolute: string, text: string): Promise<NotebookDocument> {
    const info = await stat(absolute);
    return { path, text, etag: contentEtag(text), modified: info.mtime.toISOString() };
  }

  async function keepConflict(path: string, text: string): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const name = `.conflicts/${flat(path).slice(0, -3)}.${stamp()}${attempt ? `-${attempt}` : ''}.md`;
      const absolute = join(root, name);
      await mkdir(dirname(absolute), { recursive: true });
      try {
        await writeNew(absolute, text);
        await applyRetention(join(root, '.conflicts'), retention);
        return name;
      } catch (error) {
        if (!isErrno(error, 'EEXIST')) throw error;
      }
    }
  }

  const read = async (path: string) => {
    const absolute = await resolveNotebook(root, notebookPath(path));
    const text = await readText(absolute);
    if (text === null) throw httpError(404, `no such notebook: ${path}`);
    return document(path, absolute, text);
  };

  return {
    list: () => listNotebooks(root),
    read,

    create: ({ path, title }) =>
      serialize(async () => {
        const target = notebookPath(path ?? `${slugify(title)}.md`);
        const absolute = await resolveNotebook(root, target);
        const text = newNotebookText(title);
        await mkdir(dirname(absolute), { recursive: true });
        await writeNew(absolute, text).catch((error: unknown) => {
          throw isErrno(error, 'EEXIST') ? httpError(409, `notebook exists: ${target}`, { path: target }) : error;
        });
        return document(target, absolute, text);
      }),

    save: (path, text, ifMatch) =>
      serialize(async (): Promise<SaveResult> => {
        const absolute = await resolveNotebook(root, notebookPath(path));
        const current = await readText(absolute);
        const written = async (status: 'saved' | 'created') => {
          const { etag, modified } = await document(path, absolute, text);
          return { status, path, etag, modified };
        };
        if (current === null && ifMatch === undefined) {
          await mkdir(dirname(absolute), { recursive: true });
          await atomicWrite(absolute, text);
          return written('created');
        }
        if (current !== null && ifMatch === undefined) {
          throw httpError(428, 'If-Match required: send the ETag of the version you edited');
        }
        if (current === text) return written('saved'); // a retried save that already landed
        if (current !== null && etagMatches(ifMatch, contentEtag(current))) {
          await atomicWrite(absolute, text);
          return written('saved');
        }
        const conflictCopy = await keepConflict(path, text);
        return {
          status: 'conflict',
          current: current === null ? null : { text: current, etag: contentEtag(current) },
          conflictCopy,
        };
      }),

    rename: (from, to) =>
      serialize(async () => {
        const source = await resolveNotebook(root, notebookPath(from));
        const target = await resolveNotebook(root, notebookPath(to));
        const text = await readText(source);
        if (text === null) throw httpError(404, `no such notebook: ${from}`);
        await mkdir(dirname(target), { recursive: true });
        await moveNoClobber(source, target).catch((error: unknown) => {
          throw isErrno(error, 'EEXIST') ? httpError(409, `notebook exists: ${to}`, { path: to }) : error;
        });
        return document(to, target, text);
      }),

    remove: (path) =>
      serialize(async () => {
        const absolute = await resolveNotebook(root, notebookPath(path));
        if ((await readText(absolute)) === null) throw httpError(404, `no such notebook: ${path}`);
        const trashed = `.trash/${stamp()}-${flat(path)}`;
        await mkdir(join(root, '.trash'), { recursive: true });
        await moveNoClobber(absolute, join(root, trashed));
        const now = new Date(); // retention counts from the deletion, not the last edit
        await utimes(join(root, trashed), now, now);
        await applyRetention(join(root, '.trash'), retention);
        return { trashed };
      }),
  };
}

