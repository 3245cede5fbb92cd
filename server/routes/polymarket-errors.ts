/** How a failed Polymarket call reaches the client: the upstream's own error → 502, a timeout → 504. */
import { httpError } from '../http/errors';
import { PolymarketError } from '../sources/polymarket/client';

/**
 * Rethrow `error` as the HTTP error the proxy answers with.
 *
 * @example
 * try { return await client.markets(q); } catch (error) { polymarketFailure(error); }
 */
export function polymarketFailure(error: unknown): never {
  if (error instanceof PolymarketError)
    throw httpError(502, `upstream error: ${error.message}`, { upstreamStatus: error.status });
  if (error instanceof DOMException && error.name === 'TimeoutError')
    throw httpError(504, 'upstream timeout');
  if (error instanceof TypeError) throw httpError(502, `upstream unavailable: ${error.message}`);
  throw error;
}
