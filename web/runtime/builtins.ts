/**
 * The names every notebook can read without declaring them: the analytics library, charts, inputs, tables,
 * and the data layer. Anything else a cell reads must be declared by another cell.
 */
import * as Inputs from '@observablehq/inputs';
import * as Plot from '@observablehq/plot';
import * as Arrow from 'apache-arrow';
import * as aq from 'arquero';
import { html, svg } from 'htl';
import MarkdownIt from 'markdown-it';
import * as vol from '../../cells/index';
import { listModels, loadModel, removeModel, saveModel } from '../api/models';
import type { DatasetStore } from '../data/datasets';
import type { SliceSpec } from '../data/slice';
import type { ComputeRunner } from '../notebook/compute-local';
import { runCompute } from '../workers/browser-pool';
import { loadTf } from './tf';
import { pageWidth } from './width';

const markdown = new MarkdownIt({ html: true, linkify: true });

/** `md\`…\``: Markdown to a DOM fragment, for JS cells. */
function md(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement {
  const text = String.raw({ raw: strings }, ...values.map(String));
  const div = document.createElement('div');
  div.innerHTML = markdown.render(text);
  return div;
}

interface SqlTag {
  (strings: TemplateStringsArray, ...values: unknown[]): Promise<Arrow.Table>;
}

/** What a notebook session is given: eager builtins, builtins loaded on first read, the `compute` runner. */
export interface NotebookBuiltins {
  builtins: Record<string, unknown>;
  lazyBuiltins: Record<string, () => unknown>;
  compute: ComputeRunner;
}

/**
 * @example
 * new NotebookSession({ ...createBuiltins(store), sql, observer });
 */
export function createBuiltins(store: DatasetStore): NotebookBuiltins {
  const sql: SqlTag = (strings, ...values) => store.query(strings.join('?'), values);
  const db = {
    query: (text: string, params: unknown[] = []) => store.query(text, params),
    sql,
    load: (name: string, options?: Omit<SliceSpec, 'name' | 'as'>) => store.load(name, options),
    catalog: () => store.catalog(),
  };
  // Fitted models on the sidecar: `await models.save("btc-har", fit)`, `vol.forecast.harFromJSON(await models.load("btc-har"))`.
  const models = { save: saveModel, load: loadModel, list: listModels, remove: removeModel };
  return {
    builtins: {
      vol,
      Plot,
      Inputs,
      aq,
      Arrow,
      html,
      svg,
      md,
      sql,
      db,
      load: db.load,
      models,
    },
    // tfjs (wasm backend) is megabytes: only fetched when a cell reads `tf`.
    lazyBuiltins: { tf: loadTf, width: pageWidth },
    compute: runCompute,
  };
}

export { markdown };
