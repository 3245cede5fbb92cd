import type { CellAttributes } from './types';

/** A problem in one cell, positioned in the cell's own source (1-based line and column). */
export interface CellError {
  message: string;
  line: number;
  column: number;
}

export interface JsInfo {
  /** A single expression: the cell's value is the expression's value. */
  expression: boolean;
  /** Top-level names the cell declares (its outputs). */
  declarations: string[];
  /** Free names the cell reads, globals excluded (`display` / `view` included if used). */
  references: string[];
  usesDisplay: boolean;
  usesView: boolean;
}

export interface SqlInfo {
  /** The `id=` name the result is bound to, or null. */
  name: string | null;
  /** The query with each `${expr}` replaced by a `?` placeholder. */
  query: string;
  /** The source of each parameter expression, in placeholder order. */
  params: string[];
  /** Tables and views this cell creates (lower case). */
  tablesCreated: string[];
  /** Tables this cell reads that it does not create itself (lower case, CTEs excluded). */
  tablesReferenced: string[];
  /** Referenced tables no cell creates: datasets for the data layer to load (set by `compile`). */
  datasetsReferenced: string[];
}

export interface MdInterpolation {
  /** The expression source between `${` and `}`. */
  source: string;
  /** Offsets of the whole `${…}` in the cell source. */
  start: number;
  end: number;
}

export interface MdInfo {
  /** The Markdown source with each `${…}` replaced by a slot token (see `renderMarkdownCell`). */
  template: string;
  interpolations: MdInterpolation[];
}

/** A cell ready to define: what it reads, what it defines, and the code that computes it. */
export interface CompiledCell {
  id: string;
  kind: 'js' | 'sql' | 'md' | 'code';
  attributes: CellAttributes;
  /** Runtime variable names read (cell outputs, builtins; `table x` for created SQL tables). */
  inputs: string[];
  /** Runtime variable names defined (declarations, a SQL `id=`, `table x` for created tables). */
  outputs: string[];
  /** The parameters of `body`, in order: inputs it uses, then `display` / `view` if used. */
  params: string[];
  /**
   * Source of a function expression over `params`. JS: returns the expression's value, or an
   * object of the declared names. SQL and Markdown: returns the array of interpolated values.
   * Null for plain code cells and cells with errors.
   */
  body: string | null;
  async: boolean;
  /** The cell's value should be shown: expression, SQL and Markdown cells, unless `hidden`. */
  autodisplay: boolean;
  error: CellError | null;
  js?: JsInfo;
  sql?: SqlInfo;
  md?: MdInfo;
}

/** The name of the runtime variable standing for a table created by a SQL cell. */
export function tableVariable(table: string): string {
  return `table ${table}`;
}

/** Builds a CompiledCell with its keys in one order (stable, readable snapshots). */
export function compiledCell(fields: CompiledCell): CompiledCell {
  const { id, kind, attributes, inputs, outputs, params, async, autodisplay, error, body } = fields;
  const cell: CompiledCell = {
    id,
    kind,
    attributes,
    inputs,
    outputs,
    params,
    async,
    autodisplay,
    error,
    body,
  };
  if (fields.js) cell.js = fields.js;
  if (fields.sql) cell.sql = fields.sql;
  if (fields.md) cell.md = fields.md;
  return cell;
}
