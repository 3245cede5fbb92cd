import type { Expression, Node } from 'acorn';
import { compiledCell, type CellError, type CompiledCell } from './compiled';
import { checkAssignments, checkModuleSyntax, hasTopLevelAwait } from './js-checks';
import { findDeclarations } from './js-declarations';
import { cellLocals, defaultGlobals } from './js-globals';
import { maybeParseExpression, parseProgram } from './js-parse';
import { findFreeIdentifiers } from './js-references';
import { positionAt } from './position';
import type { CellAttributes } from './types';

/**
 * Compiles a JavaScript cell: its declarations (outputs), free references (inputs, globals
 * excluded), top-level await, cell locals used (`display`, `view`, `compute`), and a function body in the manner of
 * Observable Framework's transpiler: `async (a, b, display) => { …; return {x, y}; }`, or for an
 * expression cell `(a) => (expr)`.
 * @example compileJs('c1', 'const y = x * 2', {}).inputs // ['x']
 */
export function compileJs(
  id: string,
  source: string,
  attributes: CellAttributes = {},
): CompiledCell {
  const base = {
    id,
    kind: 'js',
    attributes,
    body: null,
    async: false,
    autodisplay: false,
  } as const;
  try {
    let expression = maybeParseExpression(source);
    const root: Node = expression ?? parseProgram(source);
    if (!expression && root.type === 'Program') {
      const body = (root as ReturnType<typeof parseProgram>).body;
      if (body.length === 1 && body[0]!.type === 'ExpressionStatement')
        expression = body[0].expression;
    }
    checkModuleSyntax(root);
    const free = findFreeIdentifiers(root);
    checkAssignments(root, free, (name) => defaultGlobals.has(name));
    const references = unique(free.map((i) => i.name).filter((n) => !defaultGlobals.has(n)));
    const declarations = expression
      ? []
      : unique(findDeclarations(parseProgramOf(root)).map((d) => d.name));
    const inputs = references.filter((n) => !cellLocals.has(n));
    const usesDisplay = references.includes('display');
    const usesView = references.includes('view');
    const locals = ['display', 'view', 'compute'].filter((n) => references.includes(n));
    const params = [...inputs, ...locals];
    const async = hasTopLevelAwait(root);
    return compiledCell({
      ...base,
      inputs,
      outputs: declarations,
      params,
      body: transpile(source, params, async, expression, declarations),
      async,
      autodisplay: !!expression && !usesDisplay && !usesView && !attributes['hidden'],
      error: null,
      js: { expression: !!expression, declarations, references, usesDisplay, usesView },
    });
  } catch (error) {
    return compiledCell({
      ...base,
      inputs: [],
      outputs: [],
      params: [],
      error: cellError(source, error),
    });
  }
}

function transpile(
  source: string,
  params: readonly string[],
  async: boolean,
  expression: Expression | null,
  declarations: readonly string[],
): string {
  const head = `${async ? 'async ' : ''}(${params.join(', ')}) =>`;
  if (expression) return `${head} (\n${source.slice(expression.start, expression.end)}\n)`;
  const exports = declarations.length ? `\nreturn {${declarations.join(', ')}};` : '';
  return `${head} {\n${source}${exports}\n}`;
}

function parseProgramOf(root: Node): ReturnType<typeof parseProgram> {
  return root as ReturnType<typeof parseProgram>;
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

/** A CellError from acorn's SyntaxError (`pos`) or a CellSyntaxError; rethrows anything else. */
export function cellError(source: string, error: unknown): CellError {
  if (error instanceof SyntaxError || (error instanceof Error && 'pos' in error)) {
    const pos = (error as { pos?: number }).pos ?? 0;
    const { line, column } = positionAt(source, pos);
    const message = error.message.replace(/ \(\d+:\d+\)$/, '');
    return { message, line, column };
  }
  throw error;
}
