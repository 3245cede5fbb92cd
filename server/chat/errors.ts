/**
 * What the panel says when the upstream fails: each Anthropic failure mapped to a plain message and a code,
 * with the key scrubbed from anything that came back (a gateway could echo it).
 */
import { APIConnectionError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { ChatErrorCode } from '../contract';

export interface ChatFailure {
  code: ChatErrorCode;
  message: string;
  retryAfterSeconds?: number;
}

/**
 * Map an error thrown by the SDK to a failure for the panel; `null` when the user cancelled.
 *
 * @example
 * describeUpstreamError(new RateLimitError(429, …, headers), key); // {code: 'rate_limited', retryAfterSeconds: 20, …}
 */
export function describeUpstreamError(
  error: unknown,
  apiKey: string | undefined,
): ChatFailure | null {
  if (error instanceof APIUserAbortError) return null;
  if (error instanceof APIConnectionError)
    return {
      code: 'connection',
      message: 'Lost the connection to the Anthropic API; the answer was interrupted.',
    };
  if (error instanceof APIError) {
    const type = errorType(error);
    const detail = scrub(upstreamMessage(error), apiKey);
    if (error.status === 401)
      return {
        code: 'auth',
        message: 'Anthropic refused the API key (401). Check ANTHROPIC_API_KEY on the sidecar.',
      };
    if (error.status === 403)
      return { code: 'forbidden', message: `Anthropic refused this request (403): ${detail}` };
    if (error.status === 429) {
      const retryAfterSeconds = retryAfter(error.headers);
      const when = retryAfterSeconds === undefined ? 'later' : `in ${retryAfterSeconds} s`;
      return {
        code: 'rate_limited',
        message: `Rate limited by Anthropic (429): retry ${when}.`,
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      };
    }
    if (type === 'overloaded_error' || error.status === 529)
      return {
        code: 'overloaded',
        message:
          'Anthropic is overloaded right now; the answer was interrupted. Retry in a moment.',
      };
    if (error.status !== undefined && error.status >= 500)
      return {
        code: 'upstream',
        message: `The Anthropic API failed (${error.status}); retry in a moment.`,
      };
    if (error.status === 400)
      return { code: 'bad_request', message: `Anthropic rejected the request: ${detail}` };
    return { code: 'upstream', message: `The Anthropic API reported an error: ${detail}` };
  }
  // Anything else while streaming is the body breaking off (fetch's "terminated", a reset socket).
  return {
    code: 'connection',
    message: 'The connection to the Anthropic API dropped; the answer was interrupted.',
  };
}

function errorType(error: APIError): string | undefined {
  const body = error.error as { error?: { type?: unknown }; type?: unknown } | undefined;
  const type = body?.error?.type ?? body?.type;
  return typeof type === 'string' ? type : undefined;
}

function upstreamMessage(error: APIError): string {
  const body = error.error as { error?: { message?: unknown } } | undefined;
  const message = body?.error?.message;
  return typeof message === 'string'
    ? message.slice(0, 300)
    : `status ${error.status ?? 'unknown'}`;
}

function retryAfter(headers: Headers | undefined): number | undefined {
  const raw = headers?.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Replace the key wherever it appears. */
export function scrub(text: string, apiKey: string | undefined): string {
  return apiKey ? text.replaceAll(apiKey, '[key]') : text;
}
