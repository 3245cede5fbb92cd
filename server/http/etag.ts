/** Entity tags: strong, quoted, and compared the way If-None-Match / If-Match want. */
import { createHash } from 'node:crypto';

/**
 * A strong ETag from a content hash, stable across restarts.
 *
 * @example
 * contentEtag('# hi\n'); // '"Zk3…"'
 */
export function contentEtag(content: string | Uint8Array): string {
  return `"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
}

/** A strong ETag for a file from its size and modification time (no read). */
export function statEtag(stat: { size: number; mtimeMs: number }): string {
  return contentEtag(`${stat.size}:${stat.mtimeMs}`);
}

/**
 * Whether an If-None-Match / If-Match header value names this ETag (`*` matches anything; the weak
 * prefix is ignored, as If-None-Match's weak comparison asks).
 *
 * @example
 * etagMatches('W/"a", "b"', '"b"'); // true
 */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const tag = part.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag || `"${tag}"` === etag;
  });
}
