/**
 * Whether a SQL cell's result may be reused from an earlier visit: one read-only statement whose answer depends
 * only on its text, its parameters and the datasets it reads (which are part of the cache key).
 */
import { tokenizeSql } from '../notebook/sql-tokens';

const READ_ONLY_START = new Set(['select', 'with', 'from', 'values', 'pivot', 'unpivot']);

// Functions whose value changes between runs, and table functions that read files or URLs.
const VOLATILE = new Set([
  'random',
  'setseed',
  'uuid',
  'gen_random_uuid',
  'now',
  'today',
  'current_date',
  'current_time',
  'current_timestamp',
  'get_current_time',
  'get_current_timestamp',
  'localtime',
  'localtimestamp',
  'transaction_timestamp',
  'nextval',
  'currval',
  'glob',
]);
const FILE_READER = /^(read_|scan_|parquet_|sniff_|sqlite_|postgres_|iceberg_|delta_)/;

export function isCacheableQuery(sql: string): boolean {
  let tokens;
  try {
    tokens = tokenizeSql(sql);
  } catch {
    return false;
  }
  const words = tokens.filter((t) => t.type === 'word').map((t) => t.value.toLowerCase());
  if (words.length === 0 || !READ_ONLY_START.has(words[0]!)) return false;
  // A second statement could write: only a single statement (an optional trailing `;`) qualifies.
  const semicolons = tokens.filter((t) => t.type === 'punct' && t.value === ';');
  if (semicolons.length > 1 || (semicolons.length === 1 && semicolons[0] !== tokens.at(-1)))
    return false;
  return !words.some((w) => VOLATILE.has(w) || FILE_READER.test(w));
}
