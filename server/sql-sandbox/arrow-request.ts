/**
 * The JSON body of `POST /api/sql/query` (`SqlQueryRequest`), checked field by field: anything else is a 400
 * naming the field, before the statement reaches DuckDB.
 */
import type { SliceSpec, SqlQueryParam } from '../contract';
import { httpError } from '../http/errors';
import type { ArrowQuery } from './arrow-query';

/** Slices one query may define: a notebook names a handful. */
export const MAX_SLICES = 32;
/** Parameters one query may bind. */
export const MAX_PARAMS = 1000;

/**
 * @example
 * parseArrowQuery({ sql: 'SELECT ? AS x', params: [1], slices: [{ name: 'ohlcv_daily', where: { symbol: 'BTC' } }] });
 */
export function parseArrowQuery(body: Record<string, unknown>): ArrowQuery {
  for (const key of Object.keys(body))
    if (!['sql', 'params', 'slices'].includes(key)) throw httpError(400, `unknown field: ${key}`);
  const { sql, params = [], slices = [] } = body;
  if (typeof sql !== 'string' || sql.trim() === '')
    throw httpError(400, 'invalid sql: expected a non-empty string');
  if (!Array.isArray(params) || params.length > MAX_PARAMS || !params.every(isParam))
    throw httpError(
      400,
      `invalid params: expected up to ${MAX_PARAMS} strings, finite numbers, booleans or nulls`,
    );
  if (!Array.isArray(slices) || slices.length > MAX_SLICES)
    throw httpError(400, `invalid slices: expected an array of up to ${MAX_SLICES} slices`);
  return { sql, params, slices: slices.map(sliceSpec) };
}

function isParam(value: unknown): value is SqlQueryParam {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function sliceSpec(value: unknown, index: number): SliceSpec {
  const spec = value as Record<string, unknown> | null;
  const ok =
    typeof spec === 'object' &&
    spec !== null &&
    !Array.isArray(spec) &&
    typeof spec.name === 'string' &&
    (spec.as === undefined || (typeof spec.as === 'string' && spec.as !== '')) &&
    Object.keys(spec).every((k) => ['name', 'as', 'where', 'columns', 'limit'].includes(k));
  if (!ok)
    throw httpError(
      400,
      `invalid slices[${index}]: expected {name, as?, where?, columns?, limit?}`,
    );
  return spec as unknown as SliceSpec;
}
