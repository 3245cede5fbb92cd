import { describe, expect, it } from 'vitest';
import { checkSqlTree, type SerializedSql } from '../../../server/sql-sandbox/validate';

// Hand-written trees in the shape DuckDB 1.5's json_serialize_sql returns (only the fields the check reads).
const select = (from: unknown, extra: Record<string, unknown> = {}) => ({
  node: { type: 'SELECT_NODE', cte_map: { map: [] }, select_list: [], from_table: from, ...extra },
});
const table = (name: string, schema = '') => ({
  type: 'BASE_TABLE',
  table_name: name,
  schema_name: schema,
  catalog_name: '',
});
const tableFunction = (name: string) => ({
  type: 'TABLE_FUNCTION',
  function: { function_name: name, children: [] },
});
const tables = new Set(['ohlcv_daily']);

describe('checkSqlTree', () => {
  it('accepts a dataset, a CTE over it and a generator', () => {
    const withCte = select(table('recent'), {
      cte_map: { map: [{ key: 'recent', value: { query: select(table('OHLCV_DAILY')) } }] },
      where_clause: { class: 'SUBQUERY', subquery: select(tableFunction('range')) },
    });
    expect(checkSqlTree({ error: false, statements: [withCte] }, tables)).toEqual({ ok: true });
  });

  it('finds a file reader nested deep in a subquery', () => {
    const nested = select(table('ohlcv_daily'), {
      where_clause: { class: 'SUBQUERY', subquery: select(tableFunction('read_parquet')) },
    });
    expect(checkSqlTree({ error: false, statements: [nested] }, tables)).toEqual({
      ok: false,
      reason: 'table function read_parquet() is not allowed: query the datasets by name',
    });
  });

  it('refuses getenv anywhere, unknown and qualified tables, and two statements', () => {
    const env = select(table('ohlcv_daily'), {
      select_list: [{ class: 'FUNCTION', function_name: 'GETENV' }],
    });
    expect(checkSqlTree({ error: false, statements: [env] }, tables)).toMatchObject({
      ok: false,
      reason: 'function getenv() is not allowed',
    });
    expect(
      checkSqlTree({ error: false, statements: [select(table('/etc/passwd'))] }, tables),
    ).toMatchObject({ ok: false });
    expect(
      checkSqlTree({ error: false, statements: [select(table('ohlcv_daily', 'main'))] }, tables),
    ).toMatchObject({ ok: false });
    const two = {
      error: false,
      statements: [select(table('ohlcv_daily')), select(table('ohlcv_daily'))],
    };
    expect(checkSqlTree(two, tables)).toEqual({
      ok: false,
      reason: 'expected one statement, got 2',
    });
  });

  it('turns parser errors into a position and anything not a SELECT into one clear refusal', () => {
    const syntax: SerializedSql = {
      error: true,
      error_type: 'parser',
      error_message: 'syntax error at or near "SELEC"',
      position: '0',
    };
    expect(checkSqlTree(syntax, tables)).toEqual({
      ok: false,
      reason: 'syntax error at character 0: syntax error at or near "SELEC"',
    });
    const copy: SerializedSql = {
      error: true,
      error_type: 'not implemented',
      error_message: 'Only SELECT statements can be serialized to json!',
    };
    expect(checkSqlTree(copy, tables)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^only one SELECT or WITH statement/),
    });
  });
});
