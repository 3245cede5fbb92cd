/**
 * Errors are thrown as `HTTPException`s and mapped to JSON once, in `handleError` (the app's `onError`):
 * `{error: {status, message, ...details}}`. A `QueryError` is the caller's bad query (400, with its SQL);
 * anything else is a bug and becomes a 500 that does not leak the stack. No answer names an absolute path on
 * the server.
 */
import { homedir, tmpdir } from 'node:os';
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { QueryError } from '../db/duckdb';

/** An `HTTPException` with extra fields for the JSON error body. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    cause?: unknown,
  ) {
    super(status, { message, cause });
  }
}

/**
 * Build an `ApiError` to throw.
 *
 * @example
 * throw httpError(404, `unknown dataset: ${name}`);
 */
export function httpError(
  status: ContentfulStatusCode,
  message: string,
  details?: Record<string, unknown>,
  cause?: unknown,
): ApiError {
  return new ApiError(status, message, details, cause);
}

/**
 * Hono `onError` handler: the one place errors become responses. Each `[absolutePath, label]` of `paths`
 * (then the working directory, the temp folder and the home folder) is replaced by its label in messages.
 *
 * @example
 * app.onError(errorHandler([[config.datasetsDir, '<datasets>']]));
 */
export function errorHandler(paths: readonly (readonly [string, string])[] = []): ErrorHandler {
  const known = [...paths, [process.cwd(), '<app>'], [tmpdir(), '<tmp>'], [homedir(), '<home>']]
    .filter(([path]) => path.length > 1)
    .sort((a, b) => b[0]!.length - a[0]!.length);
  const redact = (text: string) =>
    known.reduce((out, [path, label]) => out.split(path!).join(label!), text);
  return (error, c) => {
    if (error instanceof ApiError) {
      const details = JSON.parse(redact(JSON.stringify(error.details))) as Record<string, unknown>;
      return c.json(
        { error: { status: error.status, message: redact(error.message), ...details } },
        error.status,
      );
    }
    if (error instanceof HTTPException) {
      return c.json(
        { error: { status: error.status, message: redact(error.message) } },
        error.status,
      );
    }
    if (error instanceof QueryError) {
      const body = { status: 400, message: redact(error.message), sql: redact(error.sql) };
      return c.json({ error: body }, 400);
    }
    console.error(error);
    return c.json({ error: { status: 500, message: 'internal server error' } }, 500);
  };
}

/** The `onError` handler without app-specific paths (the working directory, temp and home still redacted). */
export const handleError: ErrorHandler = errorHandler();

/** Hono `notFound` handler. */
export function handleNotFound(c: Context): Response {
  return c.json({ error: { status: 404, message: `not found: ${c.req.path}` } }, 404);
}

/** True for a Node system error with this code (`ENOENT`, `EEXIST`, …). */
export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
