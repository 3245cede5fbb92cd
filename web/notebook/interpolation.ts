import { parseExpressionAt, type Expression } from 'acorn';
import { CellSyntaxError } from './js-checks';
import { acornOptions } from './js-parse';

export interface Interpolation {
  /** Offsets of the whole `${…}`. */
  start: number;
  end: number;
  /** The expression's source and AST (positions relative to the whole text). */
  source: string;
  expression: Expression;
}

/**
 * Reads the `${expr}` starting at `start` (which must point at `$`). The expression is parsed
 * with acorn, so braces, strings and template literals inside it are handled.
 * Throws CellSyntaxError if no complete expression closed by `}` follows.
 * @example readInterpolation('a ${x + 1} b', 2).source // 'x + 1'
 * @example readInterpolation('${(x)}', 0).source // '(x)'
 */
export function readInterpolation(text: string, start: number): Interpolation {
  let expression: Expression;
  let end: number;
  try {
    expression = parseExpressionAt(text, start + 2, acornOptions);
    // Without preserveParens acorn drops the parentheses around a whole expression (`(1+1)` is a
    // BinaryExpression ending before `)`), so the end comes from a second parse that keeps them.
    end = parseExpressionAt(text, start + 2, { ...acornOptions, preserveParens: true }).end;
  } catch (error) {
    const pos = (error as { pos?: number }).pos ?? start;
    throw new CellSyntaxError(
      `invalid interpolation: ${(error as Error).message.replace(/ \(\d+:\d+\)$/, '')}`,
      pos,
    );
  }
  while (end < text.length && /\s/.test(text[end]!)) end++;
  if (text[end] !== '}') throw new CellSyntaxError('expected } after interpolation', end);
  const source = text.slice(start + 2, end).trim();
  return { start, end: end + 1, source, expression };
}
