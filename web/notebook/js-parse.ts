import { Parser, tokTypes, type Expression, type Options, type Program } from 'acorn';

/** Cells are modules (strict, top-level await) in the latest syntax acorn knows (≥ ES2024). */
export const acornOptions: Options = {
  ecmaVersion: 'latest',
  sourceType: 'module',
  allowAwaitOutsideFunction: true,
};

/** Parses a cell as a program. Throws acorn's SyntaxError (with `pos`). */
export function parseProgram(source: string): Program {
  return Parser.parse(source, acornOptions);
}

interface ExpressionParser {
  nextToken(): void;
  parseExpression(): Expression;
  type: unknown;
}

/**
 * Parses `source` as a single expression, or returns null if it is not exactly one expression
 * (so `{a: 1}` is an object literal, as in Observable). Named function and class expressions are
 * declarations, hence null.
 */
export function maybeParseExpression(source: string): Expression | null {
  // The private constructor is the only way to ask acorn for "an expression, then end of input".
  const ParserClass = Parser as unknown as new (
    o: Options,
    s: string,
    p: number,
  ) => ExpressionParser;
  const parser = new ParserClass(acornOptions, source, 0);
  try {
    parser.nextToken();
    const node = parser.parseExpression();
    if (parser.type !== tokTypes.eof) return null;
    if ((node.type === 'FunctionExpression' || node.type === 'ClassExpression') && node.id) {
      return null;
    }
    return node;
  } catch {
    return null;
  }
}
