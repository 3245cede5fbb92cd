/**
 * The slice endpoint's query string, validated against a dataset's schema:
 * `columns=a,b`, `where=<JSON>`, `order=col,-col`, `limit=N`. `where` is structured, never SQL:
 * `{"currency": "BTC", "symbol": ["BTC", "ETH"], "date": {"from": "2025-01-01", "to": "2025-03-31"}}`.
 */
import type { DatasetEntry } from '../contract/catalog';
import {
  MAX_SLICE_ROWS,
  sliceColumns,
  type SliceQuery,
  type WhereCondition,
  type WhereValue,
} from '../datasets/slice';
import { httpError } from '../http/errors';

/** The most values one `where` list may hold (a POST body reaches it; a URL stops near 1,500). */
export const MAX_IN_VALUES = 10_000;

/**
 * The slice spec of a `POST …/slice` JSON body (for a `where` too long for a URL):
 * `{columns?: string[], where?: {…}, order?: string[], limit?: number}`, checked like the query string.
 *
 * @example
 * parseSliceBody(entry, { columns: ['date', 'close'], where: { symbol: ['BTC', 'ETH'] }, limit: 100 });
 */
export function parseSliceBody(entry: DatasetEntry, body: Record<string, unknown>): SliceQuery {
  const allowed = ['columns', 'where', 'order', 'limit'];
  for (const key of Object.keys(body))
    if (!allowed.includes(key)) throw httpError(400, `unknown slice field: ${key}`);
  const names = (key: string): string | undefined => {
    const value = body[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && !v.includes(',')))
      throw httpError(400, `invalid ${key}: expected an array of column names`);
    return value.join(',');
  };
  const { where, limit } = body;
  if (where !== undefined && !isObject(where))
    throw httpError(400, 'invalid where: expected a JSON object');
  if (limit !== undefined && typeof limit !== 'number')
    throw httpError(400, `invalid limit: expected a number`);
  return parseSliceQuery(entry, {
    columns: names('columns'),
    order: names('order'),
    where: where === undefined ? undefined : JSON.stringify(where),
    limit: limit === undefined ? undefined : String(limit),
  });
}

/**
 * @example
 * parseSliceQuery(entry, { columns: 'date,close', where: '{"currency":"BTC"}', limit: '100' });
 */
export function parseSliceQuery(
  entry: DatasetEntry,
  params: Record<string, string | undefined>,
): SliceQuery {
  const known = sliceColumns(entry);
  const column = (name: string) => {
    if (!known.includes(name)) throw httpError(400, `unknown column: ${name}`, { columns: known });
    return name;
  };
  const list = (raw: string | undefined) =>
    (raw ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);

  const columns = params.columns === undefined ? known : list(params.columns).map(column);
  if (columns.length === 0) throw httpError(400, 'invalid columns: empty');
  if (new Set(columns).size !== columns.length) throw httpError(400, 'invalid columns: duplicates');

  const order = list(params.order).map((term) => {
    const descending = term.startsWith('-');
    return { column: column(descending ? term.slice(1) : term), descending };
  });

  let limit: number | null = null;
  if (params.limit !== undefined) {
    limit = Number(params.limit);
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_SLICE_ROWS) {
      throw httpError(
        400,
        `invalid limit: ${params.limit} (expected an integer in [0, ${MAX_SLICE_ROWS}])`,
      );
    }
  }

  const where = parseWhere(params.where).map(
    ([name, cond]) => [column(name), cond] as [string, WhereCondition],
  );
  return { columns, where, order, limit };
}

function parseWhere(raw: string | undefined): [string, WhereCondition][] {
  if (raw === undefined || raw.trim() === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw httpError(400, 'invalid where: malformed JSON', {}, error);
  }
  if (!isObject(value)) throw httpError(400, 'invalid where: expected a JSON object');
  return Object.keys(value)
    .sort()
    .map((name) => [name, condition(name, value[name])]);
}

function condition(name: string, value: unknown): WhereCondition {
  if (isScalar(value)) return { kind: 'eq', value };
  if (Array.isArray(value)) {
    if (value.length > MAX_IN_VALUES || !value.every(isScalar)) {
      throw httpError(
        400,
        `invalid where.${name}: expected up to ${MAX_IN_VALUES} strings, numbers or booleans`,
      );
    }
    const values = [...new Set(value)].sort((a, b) =>
      String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
    );
    return { kind: 'in', values };
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    const { from, to } = value;
    const ok =
      keys.length > 0 &&
      keys.every((k) => k === 'from' || k === 'to') &&
      (from === undefined || isScalar(from)) &&
      (to === undefined || isScalar(to));
    if (ok)
      return {
        kind: 'range',
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
      };
  }
  throw httpError(400, `invalid where.${name}: expected a value, an array, or {from, to}`);
}

function isScalar(value: unknown): value is WhereValue {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
