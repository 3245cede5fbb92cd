import type { NotebookError, SourcePosition } from './types';

/**
 * The 1-based line and column of an offset in `text` (columns count UTF-16 code units; `\r\n`,
 * `\n` and a lone `\r` each end a line).
 * @example positionAt('a\nbc', 3) // {line: 2, column: 2, offset: 3}
 */
export function positionAt(text: string, offset: number): SourcePosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1, offset: end };
}

/** A `NotebookError` at `offset` in `text`. */
export function errorAt(text: string, offset: number, message: string): NotebookError {
  return { message, ...positionAt(text, offset) };
}
