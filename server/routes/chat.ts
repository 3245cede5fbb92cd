/**
 * `/api/chat`: the assistant. `POST /` streams an answer as SSE (one JSON `ChatEvent` per `data:` line);
 * `GET /status` says whether a key is configured; `/conversation?notebook=` reads, clears and exports
 * (`/conversation/export`) a notebook's conversation. The key stays in this process.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { runAgent } from '../chat/agent';
import { conversationMarkdown } from '../chat/export-markdown';
import { parseChatRequest } from '../chat/request';
import type { ConversationStore } from '../chat/store';
import { systemPrompt } from '../chat/system-prompt';
import type { ChatEvent, ChatStatus, ChatStoredMessage } from '../contract';
import type { ModelStream } from '../chat/upstream';
import type { ClaudeConfig } from '../config';
import type { CatalogReader } from '../datasets/catalog-reader';
import { httpError } from '../http/errors';
import { readJsonObject } from '../http/json-body';
import { notebookPath } from '../notebooks/paths';
import type { SqlSandbox } from '../sql-sandbox/sandbox';

export interface ChatRouteDeps {
  claude: ClaudeConfig;
  /** Absent when no key is configured: the panel then explains how to enable it. */
  stream: ModelStream | undefined;
  catalog: CatalogReader;
  sandbox: SqlSandbox;
  store: ConversationStore;
}

/**
 * @example
 * app.route('/api/chat', chatRoutes({ claude, stream, catalog, sandbox, store }));
 */
export function chatRoutes(deps: ChatRouteDeps): Hono {
  const app = new Hono();

  app.get('/status', (c) =>
    c.json({ enabled: deps.stream !== undefined, model: deps.claude.model } satisfies ChatStatus),
  );

  app.post('/', async (c) => {
    const request = parseChatRequest(await readJsonObject(c));
    const stream = deps.stream;
    if (!stream)
      throw httpError(
        503,
        'The assistant is off: set ANTHROPIC_API_KEY in the sidecar environment and restart it.',
        {
          code: 'no_key',
        },
      );
    const upstream = new AbortController();
    return streamSSE(c, async (sse) => {
      sse.onAbort(() => upstream.abort());
      // Writes are queued in order and awaited before the stream closes, so `done` is never cut off.
      let written: Promise<void> = Promise.resolve();
      const send = (event: ChatEvent) => {
        if (upstream.signal.aborted) return;
        const data = JSON.stringify(event);
        written = written.then(() => sse.writeSSE({ data }));
      };
      const outcome = await runAgent({
        stream,
        model: deps.claude.model,
        maxTokens: deps.claude.maxTokens,
        system: systemPrompt(request),
        messages: request.messages,
        tools: { catalog: deps.catalog, sandbox: deps.sandbox, cells: request.cells },
        emit: send,
        signal: upstream.signal,
        ...(deps.claude.apiKey ? { apiKey: deps.claude.apiKey } : {}),
      });
      await written.catch(() => undefined);
      if (request.notebook) {
        const at = new Date().toISOString();
        const question: ChatStoredMessage = {
          role: 'user',
          content: request.messages.at(-1)?.content ?? '',
          at,
        };
        const answer: ChatStoredMessage = {
          role: 'assistant',
          content: outcome.text,
          steps: outcome.steps,
          proposals: outcome.proposals,
          usage: outcome.usage,
          ...(outcome.interrupted ? { interrupted: true } : {}),
          at,
        };
        await deps.store.append(request.notebook, [question, answer]);
      }
    });
  });

  app.get('/conversation', async (c) =>
    c.json(await deps.store.load(notebookPath(c.req.query('notebook')))),
  );
  app.delete('/conversation', async (c) => {
    await deps.store.clear(notebookPath(c.req.query('notebook')));
    return c.body(null, 204);
  });
  app.get('/conversation/export', async (c) => {
    const conversation = await deps.store.load(notebookPath(c.req.query('notebook')));
    c.header('Content-Type', 'text/markdown; charset=utf-8');
    return c.body(conversationMarkdown(conversation));
  });
  return app;
}
