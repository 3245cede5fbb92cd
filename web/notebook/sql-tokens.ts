import { readInterpolation, type Interpolation } from './interpolation';
import { CellSyntaxError } from './js-checks';

export interface SqlToken {
  /** `word`: bare identifier or keyword; `quoted`: "identifier"; `param`: `${…}` or `'${…}'`. */
  type: 'word' | 'quoted' | 'string' | 'number' | 'punct' | 'param';
  /** Words as written, quoted identifiers unquoted, punctuation as the character. */
  value: string;
  start: number;
  end: number;
  interpolation?: Interpolation;
}

const lineEnd = /[^\r\n]*/y;
const wordRe = /[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/y;
const numberRe = /(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?/y;

/**
 * Tokenizes SQL, skipping comments, keeping string literals whole. `${expr}` outside strings is a
 * parameter token; so is a string literal that is exactly `'${expr}'` (a quoted parameter).
 * @example tokenizeSql("SELECT a FROM t -- x").map((t) => t.value) // ['SELECT', 'a', 'FROM', 't']
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  const push = (type: SqlToken['type'], value: string, start: number, end: number): void => {
    tokens.push({ type, value, start, end });
    i = end;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '-' && sql[i + 1] === '-') {
      lineEnd.lastIndex = i;
      lineEnd.exec(sql);
      i = lineEnd.lastIndex;
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      if (close < 0) throw new CellSyntaxError('unterminated comment', i);
      i = close + 2;
    } else if (c === '$' && sql[i + 1] === '{') {
      const interpolation = readInterpolation(sql, i);
      push('param', interpolation.source, i, interpolation.end);
      tokens[tokens.length - 1]!.interpolation = interpolation;
    } else if (c === "'") {
      if (sql[i + 1] === '$' && sql[i + 2] === '{') {
        const interpolation = readInterpolation(sql, i + 1);
        if (sql[interpolation.end] === "'") {
          push('param', interpolation.source, i, interpolation.end + 1);
          tokens[tokens.length - 1]!.interpolation = interpolation;
          continue;
        }
      }
      const end = closeQuote(sql, i, "'");
      push('string', sql.slice(i + 1, end - 1).replace(/''/g, "'"), i, end);
    } else if (c === '"') {
      const end = closeQuote(sql, i, '"');
      push('quoted', sql.slice(i + 1, end - 1).replace(/""/g, '"'), i, end);
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      wordRe.lastIndex = i;
      const word = wordRe.exec(sql)![0];
      push('word', word, i, i + word.length);
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      numberRe.lastIndex = i;
      const num = numberRe.exec(sql)![0] || c;
      push('number', num, i, i + num.length);
    } else push('punct', c, i, i + 1);
  }
  return tokens;
}

/** The offset just past the quote closing the literal opened at `start` (doubled quotes escape). */
function closeQuote(sql: string, start: number, quote: string): number {
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i++;
      else return i + 1;
    }
  }
  throw new CellSyntaxError(
    quote === "'" ? 'unterminated string' : 'unterminated identifier',
    start,
  );
}
