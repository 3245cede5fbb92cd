import type { SqlToken } from './sql-tokens';

export interface SqlTables {
  /** Tables and views created (`CREATE [OR REPLACE] [TEMP] TABLE|VIEW [IF NOT EXISTS] name`). */
  created: string[];
  /** Tables read or written (FROM, JOIN, INTO, UPDATE, DESCRIBE, SUMMARIZE), CTEs excluded. */
  referenced: string[];
}

const referenceKeywords = new Set(['FROM', 'JOIN', 'INTO', 'UPDATE', 'DESCRIBE', 'SUMMARIZE']);
/** Functions whose arguments use FROM as a keyword: `EXTRACT(year FROM t)`, `TRIM(x FROM y)`. */
const fromFunctions = new Set(['EXTRACT', 'TRIM', 'SUBSTRING', 'SUBSTR', 'OVERLAY', 'POSITION']);
const notTables = new Set(['LATERAL', 'SELECT', 'VALUES', 'WITH', 'ONLY', 'TABLE']);
const clauseWords = new Set([
  'WHERE',
  'GROUP',
  'ORDER',
  'LIMIT',
  'HAVING',
  'JOIN',
  'ON',
  'USING',
  'INNER',
  'LEFT',
  'RIGHT',
  'FULL',
  'CROSS',
  'NATURAL',
  'ASOF',
  'POSITIONAL',
  'ANTI',
  'SEMI',
  'OUTER',
  'UNION',
  'EXCEPT',
  'INTERSECT',
  'WINDOW',
  'QUALIFY',
  'SELECT',
  'SET',
  'VALUES',
  'RETURNING',
  'OFFSET',
  'FETCH',
  'PIVOT',
  'UNPIVOT',
  'SAMPLE',
  'TABLESAMPLE',
  'BY',
  'DEFAULT',
]);

/**
 * Finds the tables a SQL text creates and reads, from its tokens: a keyword scan, not a SQL parser.
 * Names are lower-cased; qualified names keep their dots (`main.trades`).
 * @example sqlTables(tokenizeSql('CREATE TABLE b AS SELECT * FROM a')) // {created: ['b'], referenced: ['a']}
 */
export function sqlTables(tokens: readonly SqlToken[]): SqlTables {
  const created: string[] = [];
  const referenced: string[] = [];
  const ctes = new Set<string>();
  const parens: string[] = [];
  const word = (i: number): string =>
    tokens[i]?.type === 'word' ? tokens[i]!.value.toUpperCase() : '';
  const isName = (i: number): boolean =>
    tokens[i]?.type === 'quoted' || (tokens[i]?.type === 'word' && !clauseWords.has(word(i)));

  /** Reads `a.b.c` at i; returns the name and the index after it. */
  const readName = (i: number): [string, number] => {
    const parts = [tokens[i]!.value.toLowerCase()];
    while (
      tokens[i + 1]?.value === '.' &&
      (tokens[i + 2]?.type === 'word' || tokens[i + 2]?.type === 'quoted')
    ) {
      parts.push(tokens[i + 2]!.value.toLowerCase());
      i += 2;
    }
    return [parts.join('.'), i + 1];
  };
  const skipGroup = (i: number): number => {
    for (let depth = 0; i < tokens.length; i++) {
      if (tokens[i]!.value === '(' && tokens[i]!.type === 'punct') depth++;
      else if (tokens[i]!.value === ')' && tokens[i]!.type === 'punct' && --depth === 0)
        return i + 1;
    }
    return i;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'punct') {
      if (t.value === '(') parens.push(word(i - 1));
      else if (t.value === ')') parens.pop();
      continue;
    }
    const w = word(i);
    if (w === 'CREATE') {
      let j = i + 1;
      if (word(j) === 'OR' && word(j + 1) === 'REPLACE') j += 2;
      if (word(j) === 'TEMP' || word(j) === 'TEMPORARY') j++;
      if (word(j) === 'MATERIALIZED') j++;
      if (word(j) !== 'TABLE' && word(j) !== 'VIEW') continue;
      j++;
      if (word(j) === 'IF' && word(j + 1) === 'NOT' && word(j + 2) === 'EXISTS') j += 3;
      if (!isName(j)) continue;
      const [name, next] = readName(j);
      created.push(name);
      i = next - 1;
    } else if (w === 'WITH' || (w === 'RECURSIVE' && word(i - 1) === 'WITH')) {
      // CTE list: name [(cols)] AS [NOT] [MATERIALIZED] (…) [, …]
      let j = i + 1;
      if (word(j) === 'RECURSIVE') continue;
      while (isName(j)) {
        const [name, next] = readName(j);
        let k = tokens[next]?.value === '(' ? skipGroup(next) : next;
        if (word(k) !== 'AS') break;
        ctes.add(name);
        k++;
        while (word(k) === 'NOT' || word(k) === 'MATERIALIZED') k++;
        if (tokens[k]?.value !== '(') break;
        j = skipGroup(k);
        if (tokens[j]?.value !== ',') break;
        j++;
      }
    } else if (
      referenceKeywords.has(w) &&
      !(w === 'FROM' && (fromFunctions.has(parens.at(-1) ?? '') || word(i - 1) === 'DISTINCT'))
    ) {
      let j = i + 1;
      for (;;) {
        while (notTables.has(word(j))) j++;
        if (tokens[j]?.value === '(') j = skipGroup(j);
        else if (isName(j)) {
          const [name, next] = readName(j);
          j = next;
          const call = tokens[j]?.value === '(' && (w === 'FROM' || w === 'JOIN');
          if (call)
            j = skipGroup(j); // a table function: read_parquet(…)
          else referenced.push(name);
        } else break;
        if (word(j) === 'AS') j++;
        if (isName(j)) j++; // alias
        if (tokens[j]?.value === '(') j = skipGroup(j); // alias column list
        if (w !== 'FROM' || tokens[j]?.value !== ',') break;
        j++;
      }
    }
  }
  const own = new Set(created);
  const external = referenced.filter((name) => !ctes.has(name) && !own.has(name));
  return { created: [...new Set(created)], referenced: [...new Set(external)] };
}
