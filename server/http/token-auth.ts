/**
 * Token auth for an exposed sidecar: `Authorization: Bearer <token>`, or the cookie set by visiting
 * `/?token=<token>` once (so the browser's own requests, including DuckDB-WASM's Range reads, carry it).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { httpError } from './errors';

export const TOKEN_COOKIE = 'vollab_token';

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * Require the token on the routes it is mounted on (401 otherwise).
 *
 * @example
 * app.use('/api/*', requireToken(token));
 */
export function requireToken(token: string): MiddlewareHandler {
  return async (c, next) => {
    const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1]?.trim();
    const presented = bearer ?? getCookie(c, TOKEN_COOKIE);
    if (presented === undefined || !sameSecret(presented, token)) {
      throw httpError(401, 'missing or invalid token');
    }
    await next();
  };
}

/**
 * On a page visit with `?token=<token>`: set the cookie and redirect to the same URL without the token
 * (so it leaves the address bar and history). A wrong token is a 401.
 */
export function acceptTokenFromQuery(token: string): MiddlewareHandler {
  return async (c, next) => {
    const presented = c.req.query('token');
    if (presented === undefined) return next();
    if (!sameSecret(presented, token)) throw httpError(401, 'invalid token');
    setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
    const url = new URL(c.req.url);
    url.searchParams.delete('token');
    return c.redirect(`${url.pathname}${url.search}`, 302);
  };
}
