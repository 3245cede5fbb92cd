/**
 * Share links: immutable snapshots of a notebook (its text, the data slices it read, the input values), each a
 * JSON record under `shares/`, their files content-addressed under `blobs/` (stored once however many shares
 * use them). Revoking deletes the record, then collects the blobs no record names any more.
 *
 * Writes and collection run one at a time under a lock file (this process and any other on the folder): a new
 * share's blobs and record are written under the lock, and the collector reads every record under it, so it
 * never deletes a blob a share being created has just found already stored. Order keeps crashes safe: blobs
 * before the record that names them (a crash leaves only unnamed blobs), records before their blobs are
 * collected (a crash mid-collection leaves only garbage, taken by the next one); a record that cannot be read
 * stops the collection rather than risk its blobs.
 */
import { mkdir, readdir, readFile, rm, stat, unlink, writeFile, rename } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { buildBundle } from '../export/bundle';
import { isErrno } from '../http/errors';
import { createLockedQueue } from '../util/locked-queue';
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
  /** Revoke a share and collect the blobs no share names any more. */
  revoke(id: string): Promise<boolean>;
  /** Remove every blob no share names (and temp files a crash left); returns how many files went. */
  collectGarbage(): Promise<number>;
}

export interface ShareStoreOptions {
  /** Deletes one blob (tests inject a failure here to crash a collection half-way). */
  removeBlob?: (path: string) => Promise<void>;
  /** Awaited by `create` after the blobs are stored, before the record is written (tests pause here). */
  beforeRecord?: () => Promise<void>;
}

/** A share record that exists but cannot be read: collection stops rather than guess what it names. */
export class UnreadableShareError extends Error {
  override readonly name = 'UnreadableShareError';
}

/**
 * @example
 * const shares = createShareStore('.vollab/shares', './datasets');
 * const { id, url } = await shares.create({ path: 'regime-study.md', text });
 */
export function createShareStore(
  dir: string,
  datasetsDir: string,
  options: ShareStoreOptions = {},
): ShareStore {
  const records = join(dir, 'shares');
  const blobs = join(dir, 'blobs');
  const serialize = createLockedQueue(join(dir, '.vollab-shares.lock'));
  const removeBlob = options.removeBlob ?? unlink;

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

  /** Under the lock: every blob no record names, and stray temp files, removed. */
  const collect = async (): Promise<number> => {
    const named = new Set<string>();
    for (const name of await listOrEmpty(records)) {
      if (!name.endsWith('.json')) continue;
      let record: ShareRecord;
      try {
        record = JSON.parse(await readFile(join(records, name), 'utf8')) as ShareRecord;
      } catch (error) {
        if (isErrno(error, 'ENOENT')) continue;
        throw new UnreadableShareError(`share record ${name} cannot be read; nothing collected`);
      }
      for (const blob of Object.values(record.files)) named.add(blob);
    }
    let removed = 0;
    for (const name of await listOrEmpty(blobs)) {
      if (named.has(name)) continue;
      await removeBlob(join(blobs, name));
      removed++;
    }
    return removed;
  };

  return {
    async create({ path, text, inputs }) {
      const bundle = await buildBundle(text, { datasetsDir, inputs, name: path });
      const record = await serialize(async () => {
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
        await options.beforeRecord?.();
        const id = newShareId();
        const shared: ShareRecord = {
          id,
          url: `/s/${id}`,
          path,
          title: bundle.manifest.title,
          createdAt: bundle.manifest.exportedAt,
          manifest: bundle.manifest,
          files,
        };
        await writeAtomic(join(records, `${id}.json`), JSON.stringify(shared));
        return shared;
      });
      return summaryOf(record);
    },
    async list() {
      const names = await listOrEmpty(records);
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
      return serialize(async () => {
        if (!(await read(id))) return false;
        await rm(join(records, `${id}.json`), { force: true });
        // The share is revoked either way; garbage a failed collection leaves is taken by the next one.
        await collect().catch((error: unknown) =>
          console.error(`share blobs not collected: ${(error as Error).message}`),
        );
        return true;
      });
    },
    collectGarbage: () => serialize(collect),
  };
}

async function listOrEmpty(folder: string): Promise<string[]> {
  return readdir(folder).catch((error: unknown) => {
    if (isErrno(error, 'ENOENT')) return [] as string[];
    throw error;
  });
}

function summaryOf(record: ShareRecord): ShareSummary {
  const { id, url, path, title, createdAt } = record;
  return { id, url, path, title, createdAt };
}
