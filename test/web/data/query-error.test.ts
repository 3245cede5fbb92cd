import { describe, expect, it } from 'vitest';
import { QueryError, sqlErrorPosition } from '../../../web/data/query-error';

describe('sqlErrorPosition', () => {
  it('reads the caret under a LINE marker (DuckDB parser errors)', () => {
    const sql = 'SELECT 1\nFROM t\nWHER x = 1';
    const message = [
      'Parser Error: syntax error at or near "WHER"',
      '',
      'LINE 3: WHER x = 1',
      '        ^',
    ].join('\n');
    expect(sqlErrorPosition(message, sql)).toEqual({ line: 3, column: 1 });
  });

  it('maps a caret on an elided long line back to the real column', () => {
    const sql = `SELECT ${'a, '.repeat(40)}b FROM t WHERE x ==== 1`;
    const shown = '...b FROM t WHERE x ==== 1';
    const caretAt = 'LINE 1: '.length + shown.indexOf('==');
    const message = `Parser Error: syntax error at or near "="\n\nLINE 1: ${shown}\n${' '.repeat(caretAt)}^`;
    expect(sqlErrorPosition(message, sql)).toEqual({ line: 1, column: sql.indexOf('==') + 1 });
  });

  it('reads a character offset', () => {
    expect(sqlErrorPosition('Binder Error: at position 9', 'SELECT 1\nFROM nope')).toEqual({
      line: 2,
      column: 1,
    });
  });

  it('returns null when the message names no position', () => {
    expect(
      sqlErrorPosition('Catalog Error: Table with name t does not exist!', 'SELECT * FROM t'),
    ).toBe(null);
  });

  it('is carried by QueryError with the SQL', () => {
    const error = new QueryError('Parser Error: x\n\nLINE 1: SELEC 1\n        ^', 'SELEC 1');
    expect(error.sql).toBe('SELEC 1');
    expect(error.position).toEqual({ line: 1, column: 1 });
  });
});
