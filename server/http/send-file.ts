/**
 * Sending a file: ETag / If-None-Match (304), single byte ranges (206 / 416), HEAD, Cache-Control. The file is
 * opened once and everything (size, ETag, bytes) comes from that descriptor, so a file renamed over or removed
 * meanwhile is still sent whole and consistent.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { etagMatches, statEtag } from './etag';
import { parseRange } from './range';

export interface SendFileOptions {
  cacheControl: string;
  /** Overrides the size+mtime ETag (e.g. a hash of the query that produced the file). */
  etag?: string;
  contentType?: string;
}

const EXTRA_TYPES: Record<string, string> = {
  '.parquet': 'application/vnd.apache.parquet',
  '.wasm': 'application/wasm',
  '.md': 'text/markdown; charset=utf-8',
};

/** The Content-Type for a file name. */
export function contentTypeOf(path: string): string {
  return (
    EXTRA_TYPES[extname(path).toLowerCase()] ?? getMimeType(path) ?? 'application/octet-stream'
  );
}

/**
 * Respond with the file at `path` (already checked to be inside its root).
 *
 * @example
 * return sendFile(c, realPath, { cacheControl: 'no-cache' });
 */
export async function sendFile(
  c: Context,
  path: string,
  options: SendFileOptions,
): Promise<Response> {
  const handle = await open(path, 'r');
  return sendFileHandle(c, handle, {
    ...options,
    contentType: options.contentType ?? contentTypeOf(path),
  });
}

/**
 * Respond with an open file; the handle is closed when the body has been sent (or at once when there is none).
 *
 * @example
 * return sendFileHandle(c, await sliceCache.get(key, produce), { cacheControl, etag, contentType });
 */
export async function sendFileHandle(
  c: Context,
  handle: FileHandle,
  options: SendFileOptions & { contentType: string },
): Promise<Response> {
  let streaming = false;
  try {
    const response = await respond(c, handle, options);
    streaming = response.body !== null;
    return response;
  } finally {
    if (!streaming) await handle.close();
  }
}

async function respond(
  c: Context,
  handle: FileHandle,
  options: SendFileOptions & { contentType: string },
): Promise<Response> {
  const info = await handle.stat();
  const etag = options.etag ?? statEtag(info);
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': options.cacheControl,
    'Accept-Ranges': 'bytes',
    'Last-Modified': info.mtime.toUTCString(),
  };
  if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);

  headers['Content-Type'] = options.contentType;
  const ifRange = c.req.header('If-Range');
  const range = ifRange && ifRange !== etag ? null : parseRange(c.req.header('Range'), info.size);
  if (range === 'unsatisfiable') {
    return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${info.size}` });
  }
  const { start, end } = range ?? { start: 0, end: info.size - 1 };
  headers['Content-Length'] = String(Math.max(0, end - start + 1));
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${info.size}`;
  const status = range ? 206 : 200;
  if (c.req.method === 'HEAD' || info.size === 0) return c.body(null, status, headers);
  // autoClose: the handle closes when the stream ends, fails or is cancelled by a client that went away.
  const stream = Readable.toWeb(
    handle.createReadStream({ start, end, autoClose: true }),
  ) as ReadableStream<Uint8Array>;
  return c.body(stream, status, headers);
}
