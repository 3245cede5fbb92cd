/** Security headers: nosniff and no referrer everywhere, the workbench's CSP on HTML. */
import type { MiddlewareHandler } from 'hono';

/**
 * What the workbench needs and no more: DuckDB-WASM and tfjs compile wasm (`wasm-unsafe-eval`), the
 * reactive runtime evaluates cell code (`unsafe-eval`), DuckDB's workers start from blobs, and live panels
 * talk over WebSockets to this origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
].join('; ');

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
    if (headers.get('Content-Type')?.startsWith('text/html')) {
      headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    }
  };
}
