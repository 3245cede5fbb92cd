/**
 * The token every route but health requires: `Authorization: Bearer <token>`, or the cookie set by visiting
 * `/?token=<token>` once (so the browser's own requests, including DuckDB-WASM's Range reads, carry it).
 * The cookie's name carries the port: cookies ignore ports, and two sidecars on one machine have two tokens.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { httpError } from './errors';
import { requestHost } from './request-guards';

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * The cookie holding the token for a sidecar reached at `host[:port]`.
 *
 * @example
 * tokenCookieName('127.0.0.1:8787'); // 'vollab_token_8787'
 */
export function tokenCookieName(host: string): string {
  const port = /:(\d+)$/.exec(host)?.[1] ?? '80';
  return `vollab_token_${port}`;
}

const SIGN_IN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vol Lab: token required</title></head>
<body><h1>Vol Lab needs its token</h1>
<p>Open the address <code>npm start</code> printed (it ends in <code>?token=…</code>), or set
<code>VOLLAB_TOKEN</code> and open <code>/?token=&lt;your token&gt;</code>.</p></body></html>
`;

/**
 * Require the token (401 otherwise: a short page for a browser navigation, JSON for anything else), except on
 * the paths in `open`. A response only the token holder may see is marked `private` for caches.
 *
 * @example
 * app.use('*', requireToken(token, ['/api/health']));
 */
export function requireToken(
  token: string,
  open: readonly string[] = [],
  /** Paths that carry their own capability (share links, `/s/<id>/…`): their routes check it. */
  capability: (path: string) => boolean = () => false,
): MiddlewareHandler {
  return async (c, next) => {
    if (open.includes(c.req.path) || capability(c.req.path)) return next();
    const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1]?.trim();
    const presented = bearer ?? getCookie(c, tokenCookieName(requestHost(c)));
    if (presented === undefined || !sameSecret(presented, token)) {
      if (isNavigation(c)) return c.html(SIGN_IN_PAGE, 401, { 'Cache-Control': 'no-store' });
      throw httpError(401, 'missing or invalid token');
    }
    await next();
    markPrivate(c.res.headers);
  };
}

function isNavigation(c: Context): boolean {
  return (
    c.req.method === 'GET' &&
    (c.req.header('Sec-Fetch-Mode') === 'navigate' ||
      (c.req.header('Accept') ?? '').includes('text/html'))
  );
}

/** `public` becomes `private`; a response without caching rules gets `private, no-cache`. */
function markPrivate(headers: Headers): void {
  const rule = headers.get('Cache-Control');
  if (rule === null) headers.set('Cache-Control', 'private, no-cache');
  else if (/\bpublic\b/i.test(rule))
    headers.set('Cache-Control', rule.replace(/\bpublic\b/i, 'private'));
  else if (!/\b(private|no-store)\b/i.test(rule)) headers.set('Cache-Control', `private, ${rule}`);
}

/**
 * On a page visit with `?token=<token>`: set the cookie and redirect to the same URL without the token
 * (so it leaves the address bar and history). A wrong token is a 401.
 *
 * @example
 * app.use('/', acceptTokenFromQuery(token));
 */
export function acceptTokenFromQuery(token: string): MiddlewareHandler {
  return async (c, next) => {
    const presented = c.req.query('token');
    if (presented === undefined) return next();
    if (!sameSecret(presented, token)) throw httpError(401, 'invalid token');
    setCookie(c, tokenCookieName(requestHost(c)), token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });
    const url = new URL(c.req.url);
    url.searchParams.delete('token');
    return c.redirect(`${url.pathname}${url.search}`, 302);
  };
}
