/**
 * Mapping URL paths to files without leaving a root. Each raw segment is decoded once and must then be a
 * plain name: encoded separators (`%2f`, `%5c`), double encoding (`%252e`), dot segments, hidden names and
 * control characters are refused, and the final path is resolved through symlinks and checked against the
 * real root, so a link pointing outside is refused too.
 */
import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { httpError, isErrno } from './errors';

const MAX_SEGMENT = 255;

/**
 * The decoded segments of the raw (still percent-encoded) path below a mount point.
 * Malformed input is a 400; anything that tries to step outside or into hidden files is a 403.
 *
 * @example
 * safeSegments('source=simulated/kind=ohlcv/part.parquet'); // ['source=simulated', 'kind=ohlcv', 'part.parquet']
 */
export function safeSegments(rawTail: string): string[] {
  if (rawTail === '') throw httpError(400, 'empty path');
  return rawTail.split('/').map((raw) => {
    if (raw === '') throw httpError(400, 'empty path segment');
    let name: string;
    try {
      name = decodeURIComponent(raw);
    } catch (error) {
      throw httpError(400, 'malformed percent-encoding in path', {}, error);
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(name)) throw httpError(400, 'control character in path');
    if (name.length > MAX_SEGMENT) throw httpError(400, 'path segment too long');
    if (/[/\\%:]/.test(name) || name.startsWith('.')) throw httpError(403, 'forbidden path');
    return name;
  });
}

/** The raw pathname of a request URL after `prefix` (e.g. `/datasets/`), or null when it does not start so. */
export function rawPathAfter(url: string, prefix: string): string | null {
  const { pathname } = new URL(url);
  return pathname.startsWith(prefix) ? pathname.slice(prefix.length) : null;
}

/**
 * The real path of a regular file `segments` below `root`, or null when there is none. A path that
 * resolves outside the real root (through a symlink) is a 403.
 *
 * @example
 * await resolveFileInside('/srv/datasets', ['catalog.json']); // '/srv/datasets/catalog.json'
 */
export async function resolveFileInside(
  root: string,
  segments: readonly string[],
): Promise<string | null> {
  let realRoot: string;
  let real: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(join(realRoot, ...segments));
  } catch (error) {
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return null;
    throw error;
  }
  if (!isInside(realRoot, real)) throw httpError(403, 'forbidden path');
  const info = await stat(real);
  return info.isFile() ? real : null;
}

/** Whether `path` is `root` or below it (both absolute and normalized). */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}
