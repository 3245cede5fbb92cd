/** The workbench's client of `/api/notebooks`: list, read, create, save (with ETag), rename, delete. */
import type {
  NotebookDocument as NotebookFile,
  NotebookSaved,
  NotebookSummary,
  SaveConflictBody,
} from '../../server/contract';
import { ApiError, fetchJson, jsonBody } from './http';

// The wire types are the sidecar's own: one definition of the contract.
export type { NotebookFile, NotebookSummary };

/** A save refused because the file changed on disk since it was read. Both versions are kept. */
export class SaveConflict extends Error {
  override readonly name = 'SaveConflict';
  constructor(
    readonly current: { text: string; etag: string },
    readonly conflictCopy: string | null,
  ) {
    super('The notebook changed on disk since you opened it.');
  }
}

const base = '/api/notebooks';
const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

export function listNotebooks(): Promise<NotebookSummary[]> {
  return fetchJson<NotebookSummary[]>(base);
}

export function readNotebook(path: string): Promise<NotebookFile> {
  return fetchJson<NotebookFile>(`${base}/${encodePath(path)}`);
}

export function createNotebook(title: string, path?: string): Promise<NotebookFile> {
  return fetchJson<NotebookFile>(base, { method: 'POST', ...jsonBody({ title, path }) });
}

/** Save `text` over the version with `etag`; resolves to the new ETag or rejects with `SaveConflict`. */
export async function saveNotebook(path: string, text: string, etag: string): Promise<string> {
  try {
    const result = await fetchJson<NotebookSaved>(`${base}/${encodePath(path)}`, {
      method: 'PUT',
      ...jsonBody({ text }, { 'if-match': etag }),
    });
    return result.etag;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      const body = error.body as Partial<SaveConflictBody> | null;
      if (body?.current) throw new SaveConflict(body.current, body.conflictCopy ?? null);
    }
    throw error;
  }
}

export function renameNotebook(path: string, to: string): Promise<NotebookFile> {
  return fetchJson<NotebookFile>(`${base}/${encodePath(path)}/rename`, {
    method: 'POST',
    ...jsonBody({ to }),
  });
}

export async function deleteNotebook(path: string): Promise<void> {
  await fetchJson<unknown>(`${base}/${encodePath(path)}`, { method: 'DELETE' });
}

/** The stable URL of a notebook in the workbench. */
export function notebookUrl(path: string): string {
  return `/notebooks/${encodePath(path.replace(/\.md$/, ''))}`;
}
