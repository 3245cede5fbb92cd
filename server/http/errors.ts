/**
 * Errors are thrown as `HTTPException`s and mapped to JSON once, in `handleError` (the app's `onError`):
 * `{error: {status, message, ...details}}`. A `QueryError` is the caller's bad query (400, with its SQL);
 * anything else is a bug and becomes a 500 that does not leak the stack.
 */
import type { Context } from 'hono';
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

/** Hono `onError` handler: the one place errors become responses. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) {
    return c.json(
      { error: { status: error.status, message: error.message, ...error.details } },
      error.status,
    );
  }
  if (error instanceof HTTPException) {
    return c.json({ error: { status: error.status, message: error.message } }, error.status);
  }
  if (error instanceof QueryError) {
    return c.json({ error: { status: 400, message: error.message, sql: error.sql } }, 400);
  }
  console.error(error);
  return c.json({ error: { status: 500, message: 'internal server error' } }, 500);
}

/** Hono `notFound` handler. */
export function handleNotFound(c: Context): Response {
  return c.json({ error: { status: 404, message: `not found: ${c.req.path}` } }, 404);
}

/** True for a Node system error with this code (`ENOENT`, `EEXIST`, …). */
export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
