/**
 * Reading one streamed Messages response: the raw events (message_start, content_block_start/delta/stop,
 * message_delta, message_stop, ping) folded into the assistant's content blocks and tool calls.
 */
import type { ContentBlockParam } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ChatEvent } from './types';
import type { ModelRequest, ModelStream } from './upstream';

export interface ToolCall {
  id: string;
  name: string;
  input: Record<string, unknown>;
}

export interface Turn {
  /** The assistant message to send back in the next request. */
  content: ContentBlockParam[];
  toolCalls: ToolCall[];
  stopReason: string | null;
}

interface PendingTool {
  id: string;
  name: string;
  json: string;
}

/**
 * One Messages request, streamed: text deltas go to `emit` as they arrive, tool_use inputs are assembled from
 * their input_json_delta chunks, usage is added to `usage`.
 *
 * @example
 * const { content, toolCalls, stopReason } = await streamTurn(request, signal, stream, emit, usage);
 */
export async function streamTurn(
  request: ModelRequest,
  signal: AbortSignal,
  stream: ModelStream,
  emit: (event: ChatEvent) => void,
  usage: { inputTokens: number; outputTokens: number },
): Promise<Turn> {
  const events = await stream(request, signal);
  const content: ContentBlockParam[] = [];
  const toolCalls: ToolCall[] = [];
  const blocks = new Map<number, { text: string } | PendingTool>();
  let stopReason: string | null = null;
  let outputTokens = 0;
  for await (const event of events) {
    switch (event.type) {
      case 'message_start':
        usage.inputTokens += event.message.usage.input_tokens;
        outputTokens = event.message.usage.output_tokens;
        break;
      case 'content_block_start':
        if (event.content_block.type === 'text')
          blocks.set(event.index, { text: event.content_block.text });
        else if (event.content_block.type === 'tool_use')
          blocks.set(event.index, {
            id: event.content_block.id,
            name: event.content_block.name,
            json: '',
          });
        break;
      case 'content_block_delta': {
        const block = blocks.get(event.index);
        if (event.delta.type === 'text_delta' && block && 'text' in block) {
          block.text += event.delta.text;
          emit({ type: 'text', text: event.delta.text });
        } else if (event.delta.type === 'input_json_delta' && block && 'json' in block) {
          block.json += event.delta.partial_json;
        }
        break;
      }
      case 'content_block_stop': {
        const block = blocks.get(event.index);
        if (block && 'text' in block) content.push({ type: 'text', text: block.text });
        else if (block) {
          const input = parseInput(block.json);
          content.push({ type: 'tool_use', id: block.id, name: block.name, input });
          toolCalls.push({ id: block.id, name: block.name, input });
        }
        break;
      }
      case 'message_delta':
        stopReason = event.delta.stop_reason;
        outputTokens = event.usage.output_tokens; // cumulative within one message
        break;
      default:
        break;
    }
  }
  usage.outputTokens += outputTokens;
  return { content, toolCalls, stopReason };
}

function parseInput(json: string): Record<string, unknown> {
  if (json.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
