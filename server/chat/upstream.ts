/**
 * The one place the sidecar talks to Anthropic: a function from a Messages request to its stream of raw
 * events, so the agent loop can be driven by the real SDK or, in tests, by the SDK pointed at a local server.
 */
import Anthropic from '@anthropic-ai/sdk';
import type {
  MessageCreateParamsBase,
  RawMessageStreamEvent,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { ClaudeConfig } from '../config';

export type ModelRequest = Omit<MessageCreateParamsBase, 'stream'>;
export type ModelStream = (
  request: ModelRequest,
  signal: AbortSignal,
) => Promise<AsyncIterable<RawMessageStreamEvent>>;

/**
 * @example
 * const stream = createModelStream({ apiKey, model: 'claude-sonnet-5-5', maxTokens: 4096 });
 * for await (const event of await stream({ model, max_tokens, messages }, signal)) …
 */
export function createModelStream(
  config: ClaudeConfig & { apiKey: string },
  options: { maxRetries?: number } = {},
): ModelStream {
  const client = new Anthropic({
    apiKey: config.apiKey,
    ...(config.baseUrl ? { baseURL: config.baseUrl } : {}),
    maxRetries: options.maxRetries ?? 2,
    // The SDK would log request details at debug level; the key must never reach a log line.
    logLevel: 'off',
  });
  return async (request, signal) =>
    client.messages.create({ ...request, stream: true }, { signal });
}
