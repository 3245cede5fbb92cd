/**
 * Cutting a slice of a dataset with native DuckDB into a Parquet file, so the browser fetches only what a
 * notebook asks for. Partitions whose hive values cannot match are not read at all; filter values are bound
 * as parameters; column names were checked against the catalog before they reach SQL.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { queryRows, quoteIdentifier, quoteLiteral } from '../db/duckdb';
import { statEtag } from '../http/etag';
import { httpError } from '../http/errors';
import { isInside } from '../http/safe-path';
import type { DatasetEntry, DatasetPartition } from '../contract/catalog';

export type WhereValue = string | number | boolean;
export type WhereCondition =
  | { kind: 'eq'; value: WhereValue }
  | { kind: 'in'; values: WhereValue[] }
  | { kind: 'range'; from?: WhereValue; to?: WhereValue };

export interface SliceQuery {
  columns: string[];
  /** Sorted by column name, so equal queries normalize equally. */
  where: [column: string, condition: WhereCondition][];
  order: { column: string; descending: boolean }[];
  /** Explicit row limit, or null for "up to MAX_SLICE_ROWS". */
  limit: number | null;
}

export const MAX_SLICE_ROWS = 5_000_000;

/** Columns a slice may name: the schema's plus hive partition keys. */
export function sliceColumns(entry: DatasetEntry): string[] {
  const names = entry.schema.map((c) => c.name);
  return [...names, ...entry.partitionKeys.filter((k) => !names.includes(k))];
}

/**
 * The partitions whose hive values can satisfy the partition-key conditions of `where`
 * (comparing as the SQL does: numbers as numbers, other values as strings).
 *
 * @example
 * prunePartitions(entry, [['currency', { kind: 'eq', value: 'BTC' }]]); // only currency=BTC files
 */
export function prunePartitions(entry: DatasetEntry, where: SliceQuery['where']): DatasetPartition[] {
  const onKeys = where.filter(([column]) => entry.partitionKeys.includes(column));
  return entry.partitions.filter((p) =>
    onKeys.every(([column, cond]) => {
      const value = p.values[column];
      return value === undefined || matches(value, cond);
    }),
  );
}

function matches(hive: string, cond: WhereCondition): boolean {
  if (cond.kind === 'eq') return compare(hive, cond.value) === 0;
  if (cond.kind === 'in') return cond.values.some((v) => compare(hive, v) === 0);
  return (cond.from === undefined || compare(hive, cond.from) >= 0) && (cond.to === undefined || compare(hive, cond.to) <= 0);
}

function compare(hive: string, value: WhereValue): number {
  if (typeof value === 'number' && hive.trim() !== '' && Number.isFinite(Number(hive))) return Number(hive) - value;
  const text = String(value);
  return hive < text ? -1 : hive > text ? 1 : 0;
}

/** Absolute paths of partitions, refusing any catalog path that points outside the datasets root. */
export function partitionFiles(datasetsDir: string, partitions: readonly DatasetPartition[]): string[] {
  const root = resolve(datasetsDir);
  return partitions.map((p) => {
    const path = resolve(root, p.path);
    if (!isInside(root, path)) throw httpError(500, `catalog partition outside the datasets root: ${p.path}`);
    return path;
  });
}

/** A hash of the input files' size+mtime ETags and the normalized query: the slice's cache key and ETag. */
export async function sliceKey(files: readonly string[], query: SliceQuery): Promise<string> {
  const etags = await Promise.all(
    files.map(async (file) => {
      const info = await stat(file).catch((error: unknown) => {
        throw httpError(500, `dataset file missing: ${file}`, {}, error);
      });
      return statEtag(info);
    }),
  );
  const text = JSON.stringify({ files: files.map((f, i) => [f, etags[i]]), query });
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

const SAFE_TYPE = /^[A-Za-z][\w ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\])?$/;

/** The SELECT for a slice (files quoted as literals: read_parquet takes no parameter list), with its parameters. */
export function sliceSql(
  entry: DatasetEntry,
  files: readonly string[],
  query: SliceQuery,
  /** Filter values as quoted literals instead of parameters, for a view (a view cannot take parameters). */
  options: { inline?: boolean } = {},
): { sql: string; params: string[] } {
  const params: string[] = [];
  const bind = (value: WhereValue, type: string) => {
    if (options.inline) return `CAST(${quoteLiteral(String(value))} AS ${type})`;
    params.push(String(value));
    return `CAST(? AS ${type})`;
  };
  const conditions = query.where.map(([column, cond]) => {
    const schemaType = entry.schema.find((c) => c.name === column)?.type;
    if (schemaType !== undefined && !SAFE_TYPE.test(schemaType)) {
      throw httpError(400, `cannot filter on column ${column} of type ${schemaType}`);
    }
    const type = schemaType ?? 'VARCHAR';
    const expr = schemaType === undefined ? `CAST(${quoteIdentifier(column)} AS VARCHAR)` : quoteIdentifier(column);
    if (cond.kind === 'eq') return `${expr} = ${bind(cond.value, type)}`;
    if (cond.kind === 'in') {
      return cond.values.length === 0 ? 'FALSE' : `${expr} IN (${cond.values.map((v) => bind(v, type)).join(', ')})`;
    }
    const parts: string[] = [];
    if (cond.from !== undefined) parts.push(`${expr} >= ${bind(cond.from, type)}`);
    if (cond.to !== undefined) parts.push(`${expr} <= ${bind(cond.to, type)}`);
    return parts.join(' AND ');
  });
  const source = `read_parquet([${files.map(quoteLiteral).join(', ')}], hive_partitioning = true, union_by_name = true)`;
  const orderBy = query.order.map((o) => `${quoteIdentifier(o.column)}${o.descending ? ' DESC' : ''}`);
  const sql = [
    `SELECT ${query.columns.map(quoteIdentifier).join(', ')} FROM ${source}`,
    conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '',
    orderBy.length > 0 ? `ORDER BY ${orderBy.join(', ')}` : '',
    `LIMIT ${query.limit ?? MAX_SLICE_ROWS + 1}`,
  ].join(' ');
  return { sql, params };
}

/**
 * Write the slice to `target` as Parquet; a slice over MAX_SLICE_ROWS without an explicit limit is a 400.
 *
 * @example
 * await writeSlice('/tmp/s.parquet', entry, files, query);
 */
export async function writeSlice(target: string, entry: DatasetEntry, files: readonly string[], query: SliceQuery): Promise<number> {
  const { sql, params } = sliceSql(entry, files, query);
  const [row] = await queryRows(`COPY (${sql}) TO ${quoteLiteral(target)} (FORMAT parquet)`, params);
  const count = Number(row?.Count ?? row?.count ?? 0);
  if (query.limit === null && count > MAX_SLICE_ROWS) {
    throw httpError(400, `slice exceeds ${MAX_SLICE_ROWS} rows: narrow \`where\` or pass \`limit\``);
  }
  return count;
}
