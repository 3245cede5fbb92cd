/** Security headers: nosniff, no referrer and no framing everywhere, the workbench's CSP on HTML. */
import type { MiddlewareHandler } from 'hono';
import { requestHost } from './request-guards';

/**
 * What the workbench needs and no more: DuckDB-WASM and tfjs compile wasm (`wasm-unsafe-eval`), the
 * reactive runtime evaluates cell code (`unsafe-eval`), DuckDB's workers start from blobs, and live panels
 * talk over WebSockets to this origin only: `ws(s)://<host>` spelled out for the browsers whose `'self'`
 * does not cover WebSockets. No plugins, no framing (clickjacking), no `<base>` pointing elsewhere.
 *
 * @example
 * contentSecurityPolicy('127.0.0.1:8787'); // "default-src 'self'; … connect-src 'self' ws://127.0.0.1:8787 …"
 */
export function contentSecurityPolicy(host: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ws://${host} wss://${host}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Middleware adding the headers after the handler ran.
 *
 * @example
 * app.use('*', securityHeaders());
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('X-Frame-Options', 'DENY');
    if (headers.get('Content-Type')?.startsWith('text/html')) {
      // The host was checked against the allow-list before any handler ran.
      headers.set('Content-Security-Policy', contentSecurityPolicy(requestHost(c)));
    }
  };
}
