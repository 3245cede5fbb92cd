/**
 * The model store: one `<name>.json` per fitted model under one folder. Writes are atomic (temp file, fsync,
 * rename) and run one at a time, also across processes (a lock file in the folder), so an If-Match check and
 * the write after it cannot interleave with another.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelSummary } from '../contract/models';
import { contentEtag, etagMatches } from '../http/etag';
import { httpError, isErrno } from '../http/errors';
import { atomicWrite } from '../notebooks/atomic-write';
import { createLockedQueue } from '../util/locked-queue';
import { modelName } from './names';
import { modelKind, modelText } from './validate';

export interface ModelDocument {
  name: string;
  text: string;
  etag: string;
  modified: string;
}

export interface ModelStore {
  list(): Promise<ModelSummary[]>;
  read(name: string): Promise<ModelDocument>;
  /** Create or replace; `ifMatch` (an ETag, or `*`) and `ifNoneMatch: '*'` make it conditional (412). */
  write(
    name: string,
    body: string,
    conditions?: { ifMatch?: string; ifNoneMatch?: string },
  ): Promise<ModelSummary & { created: boolean }>;
  remove(name: string, ifMatch?: string): Promise<void>;
}

/**
 * @example
 * const store = createModelStore('.vollab/models', { maxBytes: 5 * 1024 * 1024 });
 * await store.write('btc-har', JSON.stringify(fit.toJSON()));
 */
export function createModelStore(root: string, options: { maxBytes?: number } = {}): ModelStore {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const serialize = createLockedQueue(join(root, '.vollab-save.lock'));
  const fileOf = (name: string) => join(root, `${modelName(name)}.json`);

  async function readText(name: string): Promise<{ text: string; modified: string } | null> {
    const path = fileOf(name);
    try {
      const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
      return { text, modified: info.mtime.toISOString() };
    } catch (error) {
      if (isErrno(error, 'ENOENT') || isErrno(error, 'EISDIR')) return null;
      throw error;
    }
  }

  const summary = (name: string, text: string, modified: string): ModelSummary => ({
    name,
    kind: modelKind(JSON.parse(text) as Record<string, unknown>),
    bytes: Buffer.byteLength(text),
    modified,
    etag: contentEtag(text),
  });

  return {
    async list() {
      const entries = await readdir(root, { withFileTypes: true }).catch((error: unknown) => {
        if (isErrno(error, 'ENOENT')) return [];
        throw error;
      });
      const out: ModelSummary[] = [];
      for (const entry of entries) {
        if (!entry.isFile() || !entry.name.endsWith('.json') || entry.name.startsWith('.'))
          continue;
        const name = entry.name.slice(0, -'.json'.length);
        const doc = await readText(name).catch(() => null);
        if (!doc) continue;
        try {
          out.push(summary(name, doc.text, doc.modified));
        } catch {
          // A file that is not a valid model (edited by hand) is left out of the list, not fatal.
        }
      }
      return out.sort((a, b) => a.name.localeCompare(b.name));
    },

    async read(name) {
      const doc = await readText(name);
      if (!doc) throw httpError(404, `no such model: ${name}`);
      return { name, text: doc.text, etag: contentEtag(doc.text), modified: doc.modified };
    },

    write: (name, body, conditions = {}) =>
      serialize(async () => {
        const path = fileOf(name);
        if (Buffer.byteLength(body) > maxBytes)
          throw httpError(413, `model exceeds ${maxBytes} bytes`);
        const { text } = modelText(body);
        const current = await readText(name);
        if (conditions.ifNoneMatch === '*' && current)
          throw httpError(412, `model exists: ${name}`);
        if (
          conditions.ifMatch !== undefined &&
          (!current || !etagMatches(conditions.ifMatch, contentEtag(current.text)))
        ) {
          throw httpError(412, `model changed or missing: ${name}`);
        }
        await mkdir(root, { recursive: true });
        await atomicWrite(path, text);
        const info = await stat(path);
        return { ...summary(name, text, info.mtime.toISOString()), created: !current };
      }),

    remove: (name, ifMatch) =>
      serialize(async () => {
        const current = await readText(name);
        if (!current) throw httpError(404, `no such model: ${name}`);
        if (ifMatch !== undefined && !etagMatches(ifMatch, contentEtag(current.text)))
          throw httpError(412, `model changed: ${name}`);
        await rm(fileOf(name));
      }),
  };
}
