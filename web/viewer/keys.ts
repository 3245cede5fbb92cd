/**
 * Canonical keys shared by the exporter (Node) and the viewer (browser): a data slice by its spec, a SQL
 * cell's parameters by their values, so a reader's request finds the pinned file or precomputed result.
 */
import type { SliceSpec } from '../data/slice';

/**
 * A slice's identity, whatever table it is loaded as and whatever order its keys were written in.
 *
 * @example
 * sliceKey({ name: 'ohlcv_daily', as: 'd' }) === sliceKey({ name: 'ohlcv_daily' }); // true
 */
export function sliceKey(spec: SliceSpec): string {
  const { as: _table, ...rest } = spec;
  return canonicalJson(rest);
}

/**
 * SQL parameters as a string: dates as ISO text (tagged), so equal values give equal keys.
 *
 * @example
 * paramsKey([3, new Date(0)]); // '[3,{"$date":"1970-01-01T00:00:00.000Z"}]'
 */
export function paramsKey(params: readonly unknown[]): string {
  return canonicalJson(params);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(normalize(value));
}

function normalize(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = normalize(v);
    }
    return out;
  }
  return value;
}
