/**
 * Share links: immutable snapshots of a notebook (its text, the data slices it read, the input values), each a
 * JSON record under `shares/`, their files content-addressed under `blobs/` (stored once however many shares
 * use them). Revoking deletes the record; blobs no record names are left for `prune` to collect.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile, rename } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { buildBundle } from '../export/bundle';
import { isErrno } from '../http/errors';
import type { ExportManifest, ShareSummary } from '../contract';
import { isShareId, newShareId } from './share-id';

interface ShareRecord extends ShareSummary {
  manifest: ExportManifest;
  /** Bundle path (`notebook.md`, `data/<sha>.parquet`, …) → blob name. */
  files: Record<string, string>;
}

export interface ShareStore {
  create(input: {
    path: string;
    text: string;
    inputs?: Record<string, unknown>;
  }): Promise<ShareSummary>;
  list(): Promise<ShareSummary[]>;
  /** The manifest of a live share, or null (unknown, revoked or malformed id). */
  manifest(id: string): Promise<ExportManifest | null>;
  /** The absolute path of one of the share's own files, or null for anything it does not hold. */
  file(id: string, path: string): Promise<string | null>;
  revoke(id: string): Promise<boolean>;
}

/**
 * @example
 * const shares = createShareStore('.vollab/shares', './datasets');
 * const { id, url } = await shares.create({ path: 'regime-study.md', text });
 */
export function createShareStore(dir: string, datasetsDir: string): ShareStore {
  const records = join(dir, 'shares');
  const blobs = join(dir, 'blobs');

  const read = async (id: string): Promise<ShareRecord | null> => {
    if (!isShareId(id)) return null;
    try {
      return JSON.parse(await readFile(join(records, `${id}.json`), 'utf8')) as ShareRecord;
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return null;
      throw error;
    }
  };

  /** Write a file by rename, so a reader never sees half of it. */
  const writeAtomic = async (path: string, bytes: Uint8Array | string) => {
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, path);
  };

  return {
    async create({ path, text, inputs }) {
      const bundle = await buildBundle(text, { datasetsDir, inputs, name: path });
      await mkdir(blobs, { recursive: true });
      await mkdir(records, { recursive: true });
      const files: Record<string, string> = {};
      for (const [file, bytes] of bundle.files) {
        const blob =
          file === 'notebook.md'
            ? `${createHash('sha256').update(bytes).digest('hex')}.md`
            : basename(file);
        files[file] = blob;
        const exists = await stat(join(blobs, blob)).then(
          () => true,
          () => false,
        );
        if (!exists) await writeAtomic(join(blobs, blob), bytes);
      }
      const id = newShareId();
      const record: ShareRecord = {
        id,
        url: `/s/${id}`,
        path,
        title: bundle.manifest.title,
        createdAt: bundle.manifest.exportedAt,
        manifest: bundle.manifest,
        files,
      };
      await writeAtomic(join(records, `${id}.json`), JSON.stringify(record));
      return summaryOf(record);
    },
    async list() {
      const names = await readdir(records).catch((error: unknown) => {
        if (isErrno(error, 'ENOENT')) return [] as string[];
        throw error;
      });
      const found = await Promise.all(
        names.filter((n) => n.endsWith('.json')).map((n) => read(n.slice(0, -'.json'.length))),
      );
      return found
        .filter((r): r is ShareRecord => r !== null)
        .map(summaryOf)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async manifest(id) {
      return (await read(id))?.manifest ?? null;
    },
    async file(id, path) {
      const blob = (await read(id))?.files[path];
      return blob ? join(blobs, blob) : null;
    },
    async revoke(id) {
      if (!(await read(id))) return false;
      await rm(join(records, `${id}.json`), { force: true });
      return true;
    },
  };
}

function summaryOf(record: ShareRecord): ShareSummary {
  const { id, url, path, title, createdAt } = record;
  return { id, url, path, title, createdAt };
}
