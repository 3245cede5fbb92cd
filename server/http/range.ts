/** Single byte ranges (RFC 9110 §14): what DuckDB-WASM asks for when it reads Parquet over HTTP. */

export type ByteRange = { start: number; end: number };

/**
 * Parse a `Range` header against a file size: a range to send (206), `'unsatisfiable'` (416), or `null`
 * to send the whole file (no header, a malformed one, or several ranges, which a server may ignore).
 *
 * @example
 * parseRange('bytes=0-99', 1000); // {start: 0, end: 99}
 * parseRange('bytes=-100', 1000); // {start: 900, end: 999}
 * parseRange('bytes=1000-', 1000); // 'unsatisfiable'
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}
