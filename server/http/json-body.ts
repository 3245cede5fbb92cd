/**
 * Request bodies: a size bound (hono's body-limit, 413), strict UTF-8 (a body that is not valid UTF-8 is a
 * 400, never silently repaired with U+FFFD), and JSON parsing that fails with a 400.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { httpError } from './errors';

/**
 * Reject bodies larger than `maxBytes` with a 413.
 *
 * @example
 * app.use('/api/*', limitBody(5 * 1024 * 1024));
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw httpError(413, `request body exceeds ${maxBytes} bytes`);
    },
  });
}

/**
 * The body as text; bytes that are not valid UTF-8 are a 400.
 *
 * @example
 * const text = await readUtf8(c);
 */
export async function readUtf8(c: Context): Promise<string> {
  const bytes = await c.req.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw httpError(400, 'request body is not valid UTF-8', {}, error);
  }
}

/**
 * Parse the body as a JSON object; invalid UTF-8, malformed JSON or a non-object is a 400.
 *
 * @example
 * const { title } = await readJsonObject(c);
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const text = await readUtf8(c);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw httpError(400, 'malformed JSON body', {}, error);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw httpError(400, 'JSON body must be an object');
  }
  return value as Record<string, unknown>;
}

/** A required string field of a JSON body. */
export function stringField(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string') throw httpError(400, `invalid ${key}: expected a string`);
  return value;
}

/**
 * `{path, inputs?}`: a notebook and the input values to pin with it (shares and exports). 400 when `inputs` is not
 * an object.
 *
 * @example
 * const { path, inputs } = notebookWithInputs(await readJsonObject(c));
 */
export function notebookWithInputs(body: Record<string, unknown>): {
  path: string;
  inputs: Record<string, unknown>;
} {
  const path = stringField(body, 'path');
  const inputs = body.inputs ?? {};
  if (inputs === null || typeof inputs !== 'object' || Array.isArray(inputs))
    throw httpError(400, 'inputs must be an object of input names to values');
  return { path, inputs: inputs as Record<string, unknown> };
}
