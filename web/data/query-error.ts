/** Where in the SQL text an error points, 1-based. */
export interface SqlPosition {
  line: number;
  column: number;
}

/**
 * A failed query, carrying the SQL that failed and, when DuckDB says, the position in it. The one class for the
 * browser's and the sidecar's DuckDB: no runtime imports, so both sides can load it.
 */
export class QueryError extends Error {
  override readonly name = 'QueryError';
  readonly position: SqlPosition | null;
  constructor(
    message: string,
    readonly sql: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.position = sqlErrorPosition(message, sql);
  }

  /**
   * Wrap whatever a DuckDB driver threw for `sql`.
   * @example
   * try { await conn.run(sql) } catch (error) { throw QueryError.from(error, sql) }
   */
  static from(error: unknown, sql: string): QueryError {
    if (error instanceof QueryError && error.sql === sql) return error;
    return new QueryError(error instanceof Error ? error.message : String(error), sql, {
      cause: error,
    });
  }
}

/**
 * DuckDB reports a parse position two ways: a `LINE n: <text>` line followed by a caret line, or
 * `at position N` / a character offset. Either is mapped back to a line and column of the SQL.
 */
export function sqlErrorPosition(message: string, sql: string): SqlPosition | null {
  const lines = message.split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    const match = /^LINE (\d+): /.exec(lines[i]!);
    const caret = lines[i + 1]!.indexOf('^');
    if (match && caret >= 0) {
      // DuckDB may elide the start of a long line with "...": find the shown text in the real line.
      const line = Number(match[1]);
      const shown = lines[i]!.slice(match[0].length);
      const caretInShown = caret - match[0].length;
      const sqlLine = sql.split('\n')[line - 1] ?? '';
      const elided = shown.startsWith('...') ? 3 : 0;
      const anchor = shown.slice(elided, Math.max(elided, caretInShown));
      const offset = elided && anchor ? sqlLine.indexOf(anchor) + anchor.length : caretInShown;
      return { line, column: Math.max(0, offset) + 1 };
    }
  }
  const charMatch = /(?:at position|character) (\d+)/i.exec(message);
  if (charMatch) return offsetToPosition(sql, Number(charMatch[1]));
  return null;
}

function offsetToPosition(text: string, offset: number): SqlPosition {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
