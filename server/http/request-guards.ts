/**
 * Guards against other web pages driving the sidecar through the user's browser (what Jupyter server does):
 * a `Host` allow-list against DNS rebinding, an `Origin` check on every state-changing request and WebSocket
 * upgrade against cross-site writes, and JSON-only bodies so a form or a `no-cors` fetch cannot post one.
 * A page on another port of 127.0.0.1 is "same-site" and gets the SameSite=Strict cookie: only these checks,
 * not the cookie, stop it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { normalizeHostName } from '../config';
import { httpError } from './errors';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The `host[:port]` the request was sent to: its `Host` header, else the URL's authority. */
export function requestHost(c: Context): string {
  return (c.req.header('Host') ?? new URL(c.req.url).host).toLowerCase();
}

/** The host name of `host[:port]` (IPv6 kept in brackets), or null if it is not one. */
function hostName(authority: string): string | null {
  try {
    return normalizeHostName(new URL(`http://${authority}`).hostname);
  } catch {
    return null;
  }
}

/**
 * Refuse (403) a request whose `Host` is not one of `allowed` (names without ports; any port passes).
 *
 * @example
 * app.use('*', allowHosts(['127.0.0.1', 'localhost', '[::1]']));
 */
export function allowHosts(allowed: readonly string[]): MiddlewareHandler {
  const names = new Set(allowed.map(normalizeHostName));
  return async (c, next) => {
    const host = requestHost(c);
    const name = hostName(host);
    if (name === null || !names.has(name)) {
      throw httpError(
        403,
        `host not allowed: ${host.slice(0, 100)} (add its name to VOLLAB_ALLOWED_HOSTS to serve it)`,
      );
    }
    await next();
  };
}

/** Why a request may not change state or open a socket, or null when it comes from this origin. */
export function crossOriginReason(c: Context): string | null {
  const site = c.req.header('Sec-Fetch-Site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `Sec-Fetch-Site: ${site}`;
  const origin = c.req.header('Origin');
  if (origin === undefined) return null;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return `Origin: ${origin.slice(0, 100)}`;
  }
  // Host only, not scheme: behind a TLS-terminating proxy the page is https and the sidecar sees http.
  const sameHost = url.host.toLowerCase() === new URL(`http://${requestHost(c)}`).host;
  if (!(url.protocol === 'http:' || url.protocol === 'https:') || !sameHost)
    return `Origin: ${origin.slice(0, 100)}`;
  return null;
}

/**
 * Refuse (403) state-changing methods and WebSocket upgrades sent from another origin: by `Origin` when the
 * browser sends it, by `Sec-Fetch-Site` when it sends that. Run after `allowHosts`.
 *
 * @example
 * app.use('*', sameOriginWrites());
 */
export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    const upgrade = c.req.header('Upgrade')?.toLowerCase() === 'websocket';
    if (upgrade || UNSAFE_METHODS.has(c.req.method)) {
      const reason = crossOriginReason(c);
      if (reason !== null) throw httpError(403, `cross-origin request refused (${reason})`);
    }
    await next();
  };
}

/**
 * Refuse (415) a POST, PUT or PATCH whose `Content-Type` is not `application/json`: the types an HTML form
 * or a `no-cors` fetch can send (text/plain, form encodings) never reach a handler.
 *
 * @example
 * app.use('/api/*', jsonBodiesOnly());
 */
export function jsonBodiesOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (UNSAFE_METHODS.has(c.req.method) && c.req.method !== 'DELETE') {
      const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json')
        throw httpError(415, `expected Content-Type: application/json, got ${type || 'none'}`);
    }
    await next();
  };
}
