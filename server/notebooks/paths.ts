/**
 * Notebook paths: relative, `/`-separated, ending in `.md`, plain visible names only. Anything that could
 * step outside `notebooks/` (traversal, absolute paths, backslashes, a symlinked folder) is a 403; other
 * malformed paths are a 400.
 */
import { mkdir, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { httpError, isErrno } from '../http/errors';
import { isInside, safeSegments } from '../http/safe-path';

export const MAX_PATH_LENGTH = 240;
const MAX_DEPTH = 8;
const SEGMENT = /^[\p{L}\p{N}_][\p{L}\p{N}_ .,()+@-]*$/u;

/**
 * Validate a notebook path given in a JSON body; returns it unchanged.
 *
 * @example
 * notebookPath('studies/btc-regimes.md'); // 'studies/btc-regimes.md'
 * notebookPath('../etc/passwd.md'); // throws 403
 */
export function notebookPath(path: unknown): string {
  if (typeof path !== 'string' || path === '') throw httpError(400, 'invalid path: expected a non-empty string');
  if (path.length > MAX_PATH_LENGTH) throw httpError(400, `invalid path: longer than ${MAX_PATH_LENGTH}`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) throw httpError(400, 'invalid path: control character');
  if (path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path)) {
    throw httpError(403, `forbidden path: ${path}`);
  }
  const segments = path.split('/');
  if (segments.length > MAX_DEPTH) throw httpError(400, `invalid path: deeper than ${MAX_DEPTH}`);
  for (const segment of segments) {
    if (segment.startsWith('.')) throw httpError(403, `forbidden path: ${path}`);
    if (!SEGMENT.test(segment)) throw httpError(400, `invalid path segment: ${JSON.stringify(segment)}`);
  }
  if (!path.endsWith('.md') || path.length === 3) throw httpError(400, `invalid path: ${path} (expected a .md file)`);
  return path;
}

/** A notebook path from the raw (percent-encoded) URL tail after `/api/notebooks/`. */
export function notebookPathFromUrl(rawTail: string): string {
  return notebookPath(safeSegments(rawTail).join('/'));
}

/**
 * The absolute path of a validated notebook path under `root` (created if missing), checked through
 * symlinks: the deepest existing ancestor must really be inside the root.
 */
export async function resolveNotebook(root: string, path: string): Promise<string> {
  await mkdir(root, { recursive: true });
  const realRoot = await realpath(root);
  const absolute = join(realRoot, ...path.split('/'));
  let probe = absolute;
  for (;;) {
    try {
      const real = await realpath(probe);
      if (!isInside(realRoot, real)) throw httpError(403, `forbidden path: ${path}`);
      return absolute;
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
      probe = dirname(probe);
    }
  }
}
