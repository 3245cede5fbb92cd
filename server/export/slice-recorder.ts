/**
 * Records every data slice a headless run reads and copies it out as Parquet, named by the SHA-256 of its
 * bytes: what an export or a share pins is exactly what the notebook read, nothing more.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quoteIdentifier } from '../db/duckdb';
import type { Connector } from '../../web/data/connector';
import type { DatasetSource } from '../../web/data/dataset-source';
import type { SliceSpec } from '../../web/data/slice';
import { sliceKey } from '../../web/viewer/keys';
import type { ManifestSlice } from '../contract';

/** A recorded slice and its Parquet bytes. */
export interface PinnedSlice {
  slice: ManifestSlice;
  parquet: Uint8Array;
}

export interface SliceRecorder {
  /** The `wrapSource` option of `runNotebook`. */
  wrap(source: DatasetSource, db: Connector): DatasetSource;
  /** The slices read so far, in order of first read, each once. */
  slices(): Promise<PinnedSlice[]>;
  dispose(): Promise<void>;
}

/**
 * @example
 * const recorder = createSliceRecorder();
 * await runNotebook(path, { wrapSource: recorder.wrap });
 * const pinned = await recorder.slices();
 */
export function createSliceRecorder(): SliceRecorder {
  const pinned = new Map<string, Promise<PinnedSlice>>();
  let dir: Promise<string> | null = null;
  let scratch = 0;
  const tempDir = () => (dir ??= mkdtemp(join(tmpdir(), 'vollab-export-')));

  async function pin(
    source: DatasetSource,
    db: Connector,
    spec: SliceSpec,
    loadedAs: string | null,
  ): Promise<PinnedSlice> {
    const table = loadedAs ?? `__export_slice_${++scratch}`;
    if (!loadedAs) await source.loadTable(table, spec);
    const file = join(await tempDir(), `${++scratch}.parquet`);
    const quoted = quoteIdentifier(table);
    await db.query(`COPY ${quoted} TO '${file.replaceAll("'", "''")}' (FORMAT parquet)`);
    const count = await db.query(`SELECT count(*)::DOUBLE AS n FROM ${quoted}`);
    if (!loadedAs) await db.query(`DROP TABLE ${quoted}`);
    const parquet = new Uint8Array(await readFile(file));
    const sha256 = createHash('sha256').update(parquet).digest('hex');
    const catalog = await source.catalog();
    const entry = catalog.datasets.find((d) => d.name === spec.name);
    return {
      parquet,
      slice: {
        table: spec.as ?? spec.name,
        dataset: spec.name,
        spec,
        key: sliceKey(spec),
        file: `data/${sha256}.parquet`,
        rows: Number(count.getChild('n')!.get(0)),
        bytes: parquet.byteLength,
        sha256,
        capturedAt: catalog.generatedAt,
        simulated: entry?.simulated ?? false,
        source: entry?.source ?? 'unknown',
      },
    };
  }

  const record = (key: string, make: () => Promise<PinnedSlice>): void => {
    if (!pinned.has(key)) pinned.set(key, make());
  };

  return {
    wrap: (source, db) => ({
      catalog: () => source.catalog(),
      async loadTable(table, spec) {
        await source.loadTable(table, spec);
        record(sliceKey(spec), () => pin(source, db, { ...spec, as: table }, table));
        await pinned.get(sliceKey(spec));
      },
      async loadArrow(spec) {
        record(sliceKey(spec), () => pin(source, db, spec, null));
        await pinned.get(sliceKey(spec));
        return source.loadArrow(spec);
      },
    }),
    slices: () => Promise.all(pinned.values()),
    async dispose() {
      if (dir) await rm(await dir, { recursive: true, force: true });
    },
  };
}
