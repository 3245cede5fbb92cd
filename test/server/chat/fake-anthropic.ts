/**
 * A local HTTP server speaking the Messages API's streaming protocol (SSE: message_start,
 * content_block_start/delta/stop with text_delta and input_json_delta, message_delta with stop_reason,
 * message_stop, ping, error), scripted per request, recording what the client sent. The real SDK is pointed
 * at it through its base URL.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SseEvent = { event: string; data: Record<string, unknown> };

/** One scripted answer: a stream of events (cut off after `dropAfter`, or left open with `hold`), or an HTTP error. */
export type Reply =
  | { events: SseEvent[]; dropAfter?: number; hold?: boolean }
  | { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

export interface RecordedRequest {
  headers: IncomingHttpHeaders;
  body: {
    messages: { role: string; content: unknown }[];
    tools?: { name: string }[];
    model: string;
    max_tokens: number;
  };
}

export interface FakeAnthropic {
  url: string;
  requests: RecordedRequest[];
  /** Replies for the next requests, in order. */
  script(...replies: Reply[]): void;
  /** How many streams the client closed before the end. */
  aborted(): number;
  close(): Promise<void>;
}

/**
 * @example
 * const upstream = await startFakeAnthropic();
 * upstream.script({ events: textAnswer(['Hel', 'lo']) });
 */
export async function startFakeAnthropic(): Promise<FakeAnthropic> {
  const requests: RecordedRequest[] = [];
  const queue: Reply[] = [];
  let abortedCount = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'],
      });
      const reply = queue.shift() ?? {
        status: 500,
        body: { type: 'error', error: { type: 'api_error', message: 'no scripted reply' } },
      };
      if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(JSON.stringify(reply.body));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.on('close', () => {
        if (!res.writableEnded) abortedCount++;
      });
      const events =
        reply.dropAfter === undefined ? reply.events : reply.events.slice(0, reply.dropAfter);
      for (const e of events) res.write(`event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
      if (reply.dropAfter !== undefined) res.socket?.destroy();
      else if (!reply.hold) res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => queue.push(...replies),
    aborted: () => abortedCount,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function ev(event: string, data: Record<string, unknown>): SseEvent {
  return { event, data: { type: event, ...data } };
}

export function messageStart(inputTokens = 10): SseEvent {
  return ev('message_start', {
    message: {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-test',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: inputTokens, output_tokens: 1 },
    },
  });
}

/** A plain answer: message_start, a ping, one text block in `chunks`, end_turn. */
export function textAnswer(chunks: string[], usage = { input: 10, output: 7 }): SseEvent[] {
  return [
    messageStart(usage.input),
    ev('ping', {}),
    ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
    ...chunks.map((text) =>
      ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text } }),
    ),
    ev('content_block_stop', { index: 0 }),
    ev('message_delta', {
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: usage.output },
    }),
    ev('message_stop', {}),
  ];
}

/** Some text, then one tool_use whose input arrives as `jsonChunks` (the first one empty, as the API does). */
export function toolUse(
  id: string,
  name: string,
  jsonChunks: string[],
  lead = 'Let me check. ',
): SseEvent[] {
  return [
    messageStart(20),
    ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
    ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text: lead } }),
    ev('content_block_stop', { index: 0 }),
    ev('content_block_start', {
      index: 1,
      content_block: { type: 'tool_use', id, name, input: {} },
    }),
    ...['', ...jsonChunks].map((partial_json) =>
      ev('content_block_delta', { index: 1, delta: { type: 'input_json_delta', partial_json } }),
    ),
    ev('content_block_stop', { index: 1 }),
    ev('message_delta', {
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: { output_tokens: 30 },
    }),
    ev('message_stop', {}),
  ];
}

/** An `error` event, as the API sends mid-stream (e.g. `overloaded_error`). */
export function errorEvent(type: string, message: string): SseEvent {
  return { event: 'error', data: { type: 'error', error: { type, message } } };
}
