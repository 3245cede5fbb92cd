import type { Expression } from 'acorn';
import { cellError } from './compile-js';
import { compiledCell, type CompiledCell } from './compiled';
import { CellSyntaxError, hasTopLevelAwait } from './js-checks';
import { defaultGlobals } from './js-globals';
import { findFreeIdentifiers } from './js-references';
import { sqlTables } from './sql-tables';
import { tokenizeSql } from './sql-tokens';
import type { CellAttributes } from './types';

/**
 * Compiles a SQL cell. Each `${expr}` becomes a `?` placeholder and a parameter expression whose
 * free names are inputs: values are bound by the database, never spliced into the text. `id=name`
 * binds the result to `name`. Created and referenced tables are reported; `compile` links them.
 * @example compileSql('c', 'SELECT * FROM t WHERE x > ${lo}', {}).sql.query // 'SELECT * FROM t WHERE x > ?'
 */
export function compileSql(
  id: string,
  source: string,
  attributes: CellAttributes = {},
): CompiledCell {
  const name = typeof attributes['id'] === 'string' ? attributes['id'] : null;
  const base = { id, kind: 'sql', attributes, body: null, async: false } as const;
  try {
    if (name !== null && !/^[A-Za-z_$][\w$]*$/.test(name)) {
      throw new CellSyntaxError(`invalid id: ${name}`, 0);
    }
    const tokens = tokenizeSql(source);
    const params = tokens.filter((t) => t.type === 'param');
    let query = '';
    let last = 0;
    for (const p of params) {
      query += `${source.slice(last, p.start)}?`;
      last = p.end;
    }
    query += source.slice(last);
    const expressions = params.map((p) => p.interpolation!.expression);
    const inputs = freeNames(expressions);
    const async = expressions.some(hasTopLevelAwait);
    const { created, referenced } = sqlTables(tokens);
    const paramSources = params.map((p) => p.interpolation!.source);
    return compiledCell({
      ...base,
      inputs,
      outputs: name ? [name] : [],
      params: inputs,
      body: arrayBody(inputs, paramSources, async),
      async,
      autodisplay: !attributes['hidden'],
      error: null,
      sql: {
        name,
        query,
        params: paramSources,
        tablesCreated: created,
        tablesReferenced: referenced,
        datasetsReferenced: referenced,
      },
    });
  } catch (error) {
    const failure = cellError(source, error);
    return compiledCell({
      ...base,
      inputs: [],
      outputs: [],
      params: [],
      autodisplay: false,
      error: failure,
    });
  }
}

/** The free names of expressions, globals excluded, in order of first use. */
export function freeNames(expressions: readonly Expression[]): string[] {
  const names = expressions.flatMap((e) => findFreeIdentifiers(e).map((i) => i.name));
  return [...new Set(names.filter((n) => !defaultGlobals.has(n)))];
}

/** `(a, b) => [\n(expr1),\n(expr2)\n]`: evaluates interpolations in the cell's scope. */
export function arrayBody(
  params: readonly string[],
  sources: readonly string[],
  async: boolean,
): string {
  const items = sources.map((s) => `(${s})`).join(',\n');
  return `${async ? 'async ' : ''}(${params.join(', ')}) => [${items ? `\n${items}\n` : ''}]`;
}
