/**
 * A notebook pinned for reading elsewhere: its text (speaker notes removed), exactly the data slices it read
 * as content-addressed Parquet, each SQL cell's result for the given inputs as Arrow IPC and each cell's output
 * as HTML, all found by one headless run. The static export and the share store both write this bundle.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { tableToIPC, type Table } from 'apache-arrow';
import { parse } from '../../web/notebook/parse';
import { stripNotes } from '../../web/present/notes';
import { paramsKey } from '../../web/viewer/keys';
import { runNotebook, type RunReport } from '../notebook-runner/run';
import type { ExportManifest, ManifestResult } from '../contract';
import { assertDatasetsPresent } from './missing-datasets';
import { createOutputRecorder } from './precomputed-outputs';
import { createSliceRecorder } from './slice-recorder';

export interface ExportBundle {
  manifest: ExportManifest;
  /** Relative path → bytes: `notebook.md`, `data/*.parquet`, `results/*.arrows` (not the manifest). */
  files: Map<string, Uint8Array>;
  /** The headless run's report, for saying which cells failed. */
  report: RunReport;
}

export interface BundleOptions {
  datasetsDir?: string;
  inputs?: Record<string, unknown>;
  showCode?: boolean;
  /** Keep `<!-- notes: … -->` in the pinned text (default: removed). */
  includeNotes?: boolean;
  name?: string;
  now?: Date;
}

/**
 * @example
 * const bundle = await buildBundle(await readFile('notebooks/regime-study.md', 'utf8'));
 * bundle.manifest.slices.map((s) => `${s.dataset}: ${s.rows} rows`);
 */
export async function buildBundle(
  text: string,
  options: BundleOptions = {},
): Promise<ExportBundle> {
  const datasetsDir = resolve(options.datasetsDir ?? process.env.VOLLAB_DATA_DIR ?? './datasets');
  const pinnedText = options.includeNotes ? text : stripNotes(text);
  const notebook = parse(pinnedText);
  if (notebook.errors.length === 0) await assertDatasetsPresent(notebook, datasetsDir);
  const recorder = createSliceRecorder();
  const results = new Map<string, { result: ManifestResult; bytes: Uint8Array }>();
  const encoder = new TextEncoder();
  const outputs = createOutputRecorder();
  try {
    const report = await runNotebook(
      { text: pinnedText, name: options.name },
      {
        datasetsDir,
        inputs: options.inputs,
        wrapSource: recorder.wrap,
        observe: (cell) => outputs.observe(cell),
        onSqlResult: (context, params, value) => {
          // A query over tables other cells create needs those tables: it reruns in the reader's DuckDB.
          if (
            context.tables.length > 0 ||
            context.referenced.some((t) => !context.datasets.includes(t))
          )
            return;
          const bytes = tableToIPC(value as Table, 'stream');
          const sha = createHash('sha256').update(bytes).digest('hex');
          const key = paramsKey(params);
          results.set(`${context.cellId} ${key}`, {
            bytes,
            result: {
              cellId: context.cellId,
              params: key,
              file: `results/${sha}.arrows`,
              rows: (value as Table).numRows,
            },
          });
        },
      },
    );
    const files = new Map<string, Uint8Array>([['notebook.md', encoder.encode(pinnedText)]]);
    const pinned = await recorder.slices();
    for (const { slice, parquet } of pinned) files.set(slice.file, parquet);
    for (const { result, bytes } of results.values()) files.set(result.file, bytes);
    const outputBytes = encoder.encode(JSON.stringify(outputs.outputs()));
    const outputFile = `outputs/${createHash('sha256').update(outputBytes).digest('hex')}.json`;
    files.set(outputFile, outputBytes);
    const manifest: ExportManifest = {
      version: 1,
      title: report.title,
      exportedAt: (options.now ?? new Date()).toISOString(),
      notebook: 'notebook.md',
      inputs: options.inputs ?? {},
      showCode: options.showCode ?? false,
      slices: pinned.map((p) => p.slice),
      results: [...results.values()].map((r) => r.result),
      outputs: outputFile,
      cells: report.cells.map((c) => ({
        id: c.id,
        kind: c.kind,
        status: c.status,
        ...(c.error === undefined ? {} : { error: c.error }),
      })),
    };
    return { manifest, files, report };
  } finally {
    await recorder.dispose();
  }
}
