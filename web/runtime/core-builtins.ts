/**
 * The builtins every notebook reads, in the browser and headless alike: the analytics library, inputs, tables
 * and the data layer. Plot and arquero are the hosts' to give: the browser loads them lazily
 * (`lazy-libraries.ts`), Node imports them. What differs by host (models, tf, width, compute) is added by
 * `builtins.ts` (browser) and `server/notebook-runner/builtins.ts` (Node).
 */
import * as Inputs from '@observablehq/inputs';
import * as Arrow from 'apache-arrow';
import { html, svg } from 'htl';
import MarkdownIt from 'markdown-it';
import * as vol from '../../cells/index';
import type { DatasetStore } from '../data/datasets';
import type { SliceSpec } from '../data/slice';

export const markdown = new MarkdownIt({ html: true, linkify: true });

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

/**
 * @example
 * new NotebookSession({ builtins: { ...coreBuiltins(store), width: 800 } });
 */
export function coreBuiltins(
  store: Pick<DatasetStore, 'query' | 'load' | 'catalog' | 'refresh'>,
): Record<string, unknown> {
  const sql: SqlTag = (strings, ...values) => store.query(strings.join('?'), values);
  const db = {
    query: (text: string, params: unknown[] = []) => store.query(text, params),
    sql,
    load: (name: string, options?: Omit<SliceSpec, 'name' | 'as'>) => store.load(name, options),
    catalog: () => store.catalog(),
    /** See the datasets as they are now on disk (after a freeze, say). */
    refresh: () => store.refresh(),
  };
  return { vol, Inputs, Arrow, html, svg, md, sql, db, load: db.load };
}
