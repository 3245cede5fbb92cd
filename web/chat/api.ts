/** The chat's HTTP calls to the sidecar (same origin; the session cookie carries the token). */
import type { ChatConversation, ChatEvent, ChatRequest, ChatStatus } from '../../server/contract';
import { fetchJson, jsonBody } from '../api/http';
import { readChatEvents } from './sse';

const q = (notebook: string) => `?notebook=${encodeURIComponent(notebook)}`;

export const chatStatus = (): Promise<ChatStatus> => fetchJson<ChatStatus>('/api/chat/status');

export const loadConversation = (notebook: string): Promise<ChatConversation> =>
  fetchJson<ChatConversation>(`/api/chat/conversation${q(notebook)}`);

export const clearConversation = (notebook: string): Promise<unknown> =>
  fetchJson(`/api/chat/conversation${q(notebook)}`, { method: 'DELETE' });

export const exportUrl = (notebook: string): string =>
  `/api/chat/conversation/export${q(notebook)}`;

/**
 * Send a question; yields the answer's events. Aborting `signal` closes the request, which aborts upstream.
 *
 * @example
 * for await (const event of askClaude({ messages }, controller.signal)) …
 */
export async function* askClaude(
  request: ChatRequest,
  signal: AbortSignal,
): AsyncGenerator<ChatEvent> {
  const response = await fetch('/api/chat', { method: 'POST', signal, ...jsonBody(request) });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as {
      error?: { message?: string; code?: string };
    } | null;
    const message = body?.error?.message ?? `The sidecar answered ${response.status}.`;
    yield {
      type: 'error',
      code: response.status === 413 ? 'bad_request' : 'upstream',
      message:
        response.status === 413
          ? `The request is too large for the sidecar (413): ${message}`
          : message,
    };
    return;
  }
  yield* readChatEvents(response.body);
}
