/**
 * Deribit's JSON-RPC 2.0 envelope and its errors. Every response carries `usIn`, `usOut`, `usDiff` (server
 * microseconds) and `testnet`; an error `{code, message, data}` becomes a `DeribitError`, which knows whether
 * Deribit documents the code as transient (rate limits, overload, maintenance).
 */
export interface RpcError {
  code: number;
  message: string;
  data?: unknown;
}

export interface RpcEnvelope<T = unknown> {
  jsonrpc: '2.0';
  id?: number | string | null;
  result?: T;
  error?: RpcError;
  usIn?: number;
  usOut?: number;
  usDiff?: number;
  testnet?: boolean;
}

export const ERROR_CODES = {
  tooManyRequests: 10028,
  notOpen: 10040,
  settlementInProgress: 10041,
  matchingEngineQueueFull: 10047,
  tooManyConcurrentRequests: 10066,
  tradeNotAllowed: 11051,
  internalServerError: 11094,
  temporarilyUnavailable: 13028,
  timedOut: 13888,
  badArguments: 11050,
  invalidArguments: -32602,
  methodNotFound: -32601,
  parseError: -32700,
  invalidRequest: -32600,
} as const;

/** The codes worth retrying with backoff; every other error is final. */
export const RETRYABLE_CODES: ReadonlySet<number> = new Set([
  10028, 10040, 10041, 10047, 10066, 11051, 11094, 13028, 13888,
]);

/** An error returned by Deribit (or by the simulated exchange) in the JSON-RPC envelope. */
export class DeribitError extends Error {
  override readonly name = 'DeribitError';
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
    /** Upstream HTTP status, when the error came over HTTP. */
    readonly httpStatus?: number,
  ) {
    super(`${message} (${code})`);
  }
  get retryable(): boolean {
    return RETRYABLE_CODES.has(this.code);
  }
}

/** The request never got a usable answer: connection refused or reset, malformed body, or timeout. */
export class DeribitTransportError extends Error {
  override readonly name = 'DeribitTransportError';
  constructor(
    message: string,
    readonly timeout = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `error` should be retried: a retryable Deribit code. */
export function isRetryable(error: unknown): boolean {
  return error instanceof DeribitError && error.retryable;
}

/**
 * Check an envelope and return its result, throwing a `DeribitError` for an error response.
 *
 * @example
 * unwrap({jsonrpc: '2.0', result: 42}); // 42
 */
export function unwrap<T>(envelope: unknown, httpStatus?: number): T {
  if (typeof envelope !== 'object' || envelope === null)
    throw new DeribitTransportError('invalid response: not a JSON object');
  const e = envelope as RpcEnvelope<T>;
  if (e.error) {
    const code = typeof e.error.code === 'number' ? e.error.code : 0;
    throw new DeribitError(code, String(e.error.message ?? 'error'), e.error.data, httpStatus);
  }
  if (!('result' in e)) throw new DeribitTransportError('invalid response: no result');
  return e.result as T;
}
