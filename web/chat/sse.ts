/**
 * Reading `POST /api/chat`'s answer: Server-Sent Events parsed from the fetch body as it arrives, one
 * `ChatEvent` per `data:` line. Pure apart from reading the stream it is given.
 */
import type { ChatEvent } from '../../server/contract';

/**
 * @example
 * for await (const event of readChatEvents(response.body!)) render(event);
 */
export async function* readChatEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ChatEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = parseBlock(block);
        if (event) yield event;
      }
    }
    const tail = parseBlock(buffer);
    if (tail) yield tail;
  } finally {
    reader.releaseLock();
  }
}

/** One SSE block: its `data:` lines joined, as JSON; comments and other fields ignored. */
export function parseBlock(block: string): ChatEvent | null {
  const data = block
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).replace(/^ /, ''))
    .join('\n');
  if (!data) return null;
  return JSON.parse(data) as ChatEvent;
}
