/**
 * A slice of a dataset, named by a notebook (front matter `datasets:` or the `load()` builtin) and cut by the
 * sidecar's native DuckDB before it is sent, so a large partitioned dataset never travels whole.
 */
import type { SliceSpec } from '../../server/contract';

export type { SliceSpec };

/** The sidecar URL that returns the slice as Parquet. */
export function sliceUrl(spec: SliceSpec): string {
  const params = new URLSearchParams();
  if (spec.columns?.length) params.set('columns', spec.columns.join(','));
  if (spec.where && Object.keys(spec.where).length > 0)
    params.set('where', JSON.stringify(spec.where));
  if (spec.limit !== undefined) params.set('limit', String(spec.limit));
  const query = params.toString();
  return `/api/datasets/${encodeURIComponent(spec.name)}/slice${query ? `?${query}` : ''}`;
}

/** URLs longer than this go as a POST with the spec in a JSON body (Node refuses request heads over 16 KB). */
export const MAX_SLICE_URL = 4096;

/** How to ask for a slice: a GET of `url`, or, when `init` is given, a POST of the spec as JSON. */
export interface SliceRequest {
  url: string;
  init?: { method: 'POST'; headers: Record<string, string>; body: string };
}

/**
 * The request for a slice: a GET (cacheable, readable in logs) unless its URL would pass `MAX_SLICE_URL`, as a
 * `where` list of thousands of values does; then a POST with the same spec in the body.
 *
 * @example
 * sliceRequest({ name: 'ohlcv_daily' }); // { url: '/api/datasets/ohlcv_daily/slice' }
 */
export function sliceRequest(spec: SliceSpec, maxUrl = MAX_SLICE_URL): SliceRequest {
  const url = sliceUrl(spec);
  if (url.length <= maxUrl) return { url };
  const body: { columns?: string[]; where?: SliceSpec['where']; limit?: number } = {};
  if (spec.columns?.length) body.columns = spec.columns;
  if (spec.where && Object.keys(spec.where).length > 0) body.where = spec.where;
  if (spec.limit !== undefined) body.limit = spec.limit;
  return {
    url: `/api/datasets/${encodeURIComponent(spec.name)}/slice`,
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    },
  };
}

/**
 * Front matter `datasets:` entries: a name (`ohlcv_daily`) or a map (`{name: option_chain, where: {…}}`).
 * Returns the specs and the entries it could not read.
 */
export function slicesFromFrontMatter(datasets: unknown): { specs: SliceSpec[]; errors: string[] } {
  const specs: SliceSpec[] = [];
  const errors: string[] = [];
  if (datasets === undefined || datasets === null) return { specs, errors };
  const entries = Array.isArray(datasets) ? datasets : [datasets];
  for (const entry of entries) {
    if (typeof entry === 'string' && entry.trim()) specs.push({ name: entry.trim() });
    else if (entry && typeof entry === 'object' && typeof (entry as SliceSpec).name === 'string') {
      const { name, as, where, columns, limit } = entry as SliceSpec;
      specs.push({
        name,
        as,
        where,
        columns,
        limit: limit === undefined ? undefined : Number(limit),
      });
    } else errors.push(`invalid datasets entry: ${JSON.stringify(entry)}`);
  }
  return { specs, errors };
}

/** The table name DuckDB reports missing, from an error such as `Table with name x does not exist!`. */
export function missingTableName(message: string): string | null {
  const match = /Table with name "?([\w.]+)"? does not exist/i.exec(message);
  return match ? match[1]! : null;
}
