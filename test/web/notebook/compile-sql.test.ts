import { describe, expect, it } from 'vitest';
import { compileSql } from '../../../web/notebook/compile-sql';
import { sqlTables } from '../../../web/notebook/sql-tables';
import { tokenizeSql } from '../../../web/notebook/sql-tokens';

const tables = (sql: string) => sqlTables(tokenizeSql(sql));

describe('compileSql', () => {
  it('binds interpolations as ? parameters, never splicing values', () => {
    const cell = compileSql(
      'c',
      "SELECT * FROM t WHERE a = ${x} AND b = '${y + 1}' AND c = '${z}z'",
    );
    expect(cell.sql!.query).toBe("SELECT * FROM t WHERE a = ? AND b = ? AND c = '${z}z'");
    expect(cell.sql!.params).toEqual(['x', 'y + 1']);
    expect(cell.inputs).toEqual(['x', 'y']);
    expect(cell.body).toBe('(x, y) => [\n(x),\n(y + 1)\n]');
  });

  it('ignores interpolations and table names in comments and strings', () => {
    const cell = compileSql('c', "SELECT '${a} FROM s' -- FROM t ${b}\n/* JOIN u ${c} */ FROM v");
    expect(cell.sql!.query).toBe("SELECT '${a} FROM s' -- FROM t ${b}\n/* JOIN u ${c} */ FROM v");
    expect(cell.inputs).toEqual([]);
    expect(cell.sql!.tablesReferenced).toEqual(['v']);
  });

  it('excludes globals from parameter inputs', () => {
    expect(compileSql('c', 'SELECT ${Math.max(lo, 0)}').inputs).toEqual(['lo']);
  });

  it('reports bad ids and unterminated literals with positions', () => {
    expect(compileSql('c', 'SELECT 1', { id: '1x' }).error!.message).toBe('invalid id: 1x');
    expect(compileSql('c', 'SELECT\n  "open').error).toEqual({
      message: 'unterminated identifier',
      line: 2,
      column: 3,
    });
  });
});

describe('sqlTables', () => {
  it.each([
    ['SELECT * FROM a JOIN b ON a.id = b.id LEFT JOIN c USING (id)', [], ['a', 'b', 'c']],
    ['SELECT * FROM a x, b AS y, (SELECT 1 FROM c) z', [], ['a', 'b', 'c']],
    ['CREATE OR REPLACE TEMPORARY TABLE t AS SELECT * FROM s', ['t'], ['s']],
    ['CREATE VIEW IF NOT EXISTS main.v AS SELECT 1', ['main.v'], []],
    ['CREATE TABLE t (x INT); INSERT INTO t VALUES (1); SELECT * FROM t', ['t'], []],
    ['WITH a AS (SELECT * FROM base), b(x) AS (SELECT 1) SELECT * FROM a, b', [], ['base']],
    ['WITH RECURSIVE r AS (SELECT 1 UNION ALL SELECT * FROM r) FROM r', [], []],
    ["SELECT * FROM read_parquet('f.parquet') JOIN 'g.csv' ON true", [], []],
    ['SELECT EXTRACT(year FROM d), TRIM(BOTH FROM s) FROM t WHERE a IS DISTINCT FROM b', [], ['t']],
    ['INSERT INTO log (a) SELECT a FROM src', [], ['log', 'src']],
    ['FROM "Mixed Case" SELECT 1', [], ['mixed case']],
    ['DESCRIBE trades; SUMMARIZE quotes', [], ['trades', 'quotes']],
  ])('%s', (sql, created, referenced) => {
    expect(tables(sql)).toEqual({ created, referenced });
  });
});
