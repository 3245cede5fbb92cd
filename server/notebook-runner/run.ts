/**
 * Run a notebook headless: the browser's parse → compile → define pipeline (`NotebookSession`) over native
 * DuckDB, with the front matter's dataset slices cut from the Parquet files, until every cell has settled.
 * The CLI (`npm run notebook`), the study tests and exports read its report.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { createNativeConnector } from '../db/native-connector';
import { DatasetStore } from '../../web/data/datasets';
import { slicesFromFrontMatter } from '../../web/data/slice';
import { compile } from '../../web/notebook/compile';
import type { Connector } from '../../web/data/connector';
import type { DatasetSource } from '../../web/data/dataset-source';
import type { CompiledCell } from '../../web/notebook/compiled';
import type { CellObserver, SqlContext } from '../../web/notebook/define';
import { parse } from '../../web/notebook/parse';
import { NotebookSession } from '../../web/notebook/session';
import { markdown } from '../../web/runtime/core-builtins';
import { loadConfig } from '../config';
import { headlessBuiltins } from './builtins';
import { CellTracker, type CellStatus } from './cell-tracker';
import { fileDatasetSource } from './file-datasets';
import { overrideInputs } from './inputs';
import { simulatedLiveSource, type HeadlessLiveSource } from './simulated-live';
import { summarize } from './summary';

export interface RunOptions {
  /** Values for `view()` inputs, by the variable name the cell declares (`{states: 4}`). */
  inputs?: Record<string, unknown>;
  /** The datasets folder (catalog.json and Parquet): default `VOLLAB_DATA_DIR` or `./datasets`. */
  datasetsDir?: string;
  /** The model store folder for `models`: default as the sidecar's (`VOLLAB_MODELS_DIR`, `.vollab/models`). */
  modelsDir?: string;
  /** Cells still running after this long are reported as `timeout` (default 10 minutes). */
  timeoutMs?: number;
  /**
   * What `live.surface` / `live.channel` yield (once each): default the simulated exchange's market at the end of
   * the bundled data in `datasetsDir`.
   */
  live?: HeadlessLiveSource;
  /** Wraps the run's dataset source, e.g. to record (and copy out) every slice the notebook reads (exports). */
  wrapSource?: (source: DatasetSource, db: Connector) => DatasetSource;
  /** Told each SQL cell's result with the parameters it ran with (exports precompute SQL results). */
  onSqlResult?: (context: SqlContext, params: readonly unknown[], result: unknown) => void;
  /** A second observer per cell, told what the cell displays (exports precompute each cell's output). */
  observe?: (cell: CompiledCell) => CellObserver;
}

export interface CellReport {
  id: string;
  kind: CompiledCell['kind'];
  /** Line of the cell in the notebook file (1-based). */
  line: number;
  /** The names the cell defines (declarations, a SQL `id=`). */
  names: string[];
  status: CellStatus;
  /** The cell's own time, from its inputs being ready to its value. */
  ms: number;
  summary: string;
  error?: string;
}

export interface RunReport {
  title: string;
  ok: boolean;
  /** Wall time of the whole run. */
  ms: number;
  /** Notebook-level problems: parse errors, unreadable `datasets:` entries. */
  errors: string[];
  cells: CellReport[];
  /** Every defined name's value (cells in error left out). */
  values: Record<string, unknown>;
}

/**
 * @example
 * const report = await runNotebook('notebooks/regime-study.md', { inputs: { states: 2 } });
 * report.values.binaryAccuracy; // 0.77…
 * const fromText = await runNotebook({ text: '```js\nconst x = 1 + 1\n```' });
 */
export async function runNotebook(
  source: string | { text: string; name?: string },
  options: RunOptions = {},
): Promise<RunReport> {
  const started = performance.now();
  const text = typeof source === 'string' ? await readFile(source, 'utf8') : source.text;
  const fallbackTitle = typeof source === 'string' ? basename(source) : (source.name ?? 'notebook');
  const notebook = parse(text);
  const title = String(notebook.frontMatter?.data.title ?? fallbackTitle);
  if (notebook.errors.length > 0) {
    const errors = notebook.errors.map((e) => `line ${e.line}: ${e.message}`);
    return { title, ok: false, ms: performance.now() - started, errors, cells: [], values: {} };
  }
  // Folders not given come from the sidecar's configuration (VOLLAB_DATA_DIR, VOLLAB_MODELS_DIR, …).
  const config = options.datasetsDir && options.modelsDir ? null : loadConfig(process.env);
  const datasetsDir = resolve(options.datasetsDir ?? config!.datasetsDir);
  const db = createNativeConnector();
  const files = fileDatasetSource(datasetsDir, db);
  const store = new DatasetStore(db, options.wrapSource?.(files, db) ?? files);
  const slices = slicesFromFrontMatter(notebook.frontMatter?.data.datasets);
  store.setSlices(slices.specs);
  const tracker = new CellTracker();
  const session = new NotebookSession({
    ...headlessBuiltins(store, {
      modelsDir: options.modelsDir ?? config!.modelsDir,
      live: options.live ?? simulatedLiveSource(datasetsDir),
    }),
    sql: async (query, params, context) => {
      const result = await store.queryCached(query, params, context);
      options.onSqlResult?.(context, params, result);
      return result;
    },
    markdown: (md) => markdown.render(md),
    observer: (_id, cell) => bothObservers(tracker.observe(cell), options.observe?.(cell)),
  });
  try {
    const compiled = compile(notebook);
    session.update(compiled);
    overrideInputs(session.module, compiled.cells, options.inputs ?? {});
    const finished = await tracker.settled(options.timeoutMs ?? 600_000);
    const lines = new Map(notebook.cells.map((c) => [c.id, lineOf(text, c.start)]));
    const cells = tracker.outcomes().map(({ cell, status, ms, value, error }) => ({
      id: cell.id,
      kind: cell.kind,
      line: lines.get(cell.id) ?? 0,
      names: cell.outputs.filter((n) => !n.startsWith('table ')),
      status,
      ms,
      summary: status === 'ok' ? summaryOf(cell, value) : '',
      ...(error === undefined ? {} : { error: messageOf(error) }),
    }));
    const values = await collectValues(session, cells);
    const ok = finished && slices.errors.length === 0 && cells.every((c) => c.status === 'ok');
    return { title, ok, ms: performance.now() - started, errors: slices.errors, cells, values };
  } finally {
    session.dispose();
    db.close();
  }
}

function bothObservers(first: CellObserver, second: CellObserver | undefined): CellObserver {
  if (!second) return first;
  return {
    pending: () => (first.pending?.(), second.pending?.()),
    fulfilled: (value) => (first.fulfilled?.(value), second.fulfilled?.(value)),
    rejected: (error) => (first.rejected?.(error), second.rejected?.(error)),
    display: (value) => (first.display?.(value), second.display?.(value)),
    clear: () => (first.clear?.(), second.clear?.()),
    progress: (state) => (first.progress?.(state), second.progress?.(state)),
  };
}

async function collectValues(
  session: NotebookSession,
  cells: CellReport[],
): Promise<Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  for (const cell of cells) {
    if (cell.status !== 'ok') continue;
    for (const name of cell.names) values[name] = await session.value(name).catch(() => undefined);
  }
  return values;
}

/** A JS cell's value is the object of its declarations: describe each one. */
function summaryOf(cell: CompiledCell, value: unknown): string {
  const declared = cell.kind === 'js' ? (cell.js?.declarations ?? []) : [];
  if (declared.length === 0 || value === null || typeof value !== 'object') return summarize(value);
  const exports = value as Record<string, unknown>;
  return declared.map((name) => `${name} = ${summarize(exports[name])}`).join('; ');
}

function lineOf(text: string, offset: number): number {
  if (offset < 0) return 0;
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  // A cell's span starts with its blank lead lines: report the first non-blank one.
  while (offset < text.length && (text[offset] === '\n' || text[offset] === '\r')) {
    if (text[offset] === '\n') line++;
    offset++;
  }
  return line;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
