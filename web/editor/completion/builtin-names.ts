/**
 * The names every JS cell can read without declaring them (web/runtime/builtins.ts and the cell locals of
 * web/notebook/js-globals.ts), with a line each for the completion list.
 */
export interface BuiltinName {
  name: string;
  detail: string;
}

export const BUILTIN_NAMES: readonly BuiltinName[] = [
  { name: 'vol', detail: 'the analytics library: vol.series, vol.regime, …' },
  { name: 'Plot', detail: 'Observable Plot' },
  { name: 'Inputs', detail: 'Observable Inputs' },
  { name: 'aq', detail: 'Arquero tables' },
  { name: 'Arrow', detail: 'Apache Arrow' },
  { name: 'html', detail: 'html`…`: a DOM fragment (htl)' },
  { name: 'svg', detail: 'svg`…`: an SVG fragment (htl)' },
  { name: 'md', detail: 'md`…`: Markdown to a DOM fragment' },
  { name: 'sql', detail: 'sql`…`: a DuckDB query, an Arrow table' },
  { name: 'db', detail: 'DuckDB: query, sql, load, catalog, refresh' },
  { name: 'load', detail: 'load(name, {where, columns, limit}): a dataset slice as Arrow' },
  { name: 'models', detail: 'fitted models on the sidecar: save, load, list, remove' },
  { name: 'tf', detail: 'TensorFlow.js (loaded on first use)' },
  {
    name: 'live',
    detail: 'live.surface("BTC"), live.channel(name): the live desk’s feed as a generator',
  },
  { name: 'width', detail: 'the page width in pixels, reactive' },
  { name: 'compute', detail: 'compute(task, args): run a long computation in a worker' },
  { name: 'display', detail: 'display(value): show a value below the cell' },
  { name: 'view', detail: 'view(input): show an input, its value as the cell’s' },
];
