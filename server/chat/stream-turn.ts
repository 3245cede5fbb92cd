/**
 * Reading one streamed Messages response: the raw events (message_start, content_block_start/delta/stop,
 * message_delta, message_stop, ping) folded into the assistant's content blocks and tool calls.
 */
import type {
  ContentBlock,
  ContentBlockParam,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { ChatEvent } from '../contract';
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

/** A content block being assembled from its deltas. */
type PendingBlock =
  | { kind: 'text'; text: string }
  | { kind: 'tool'; id: string; name: string; json: string }
  // Thinking blocks go back unchanged (with their signature) in the next request of a tool loop, as the API requires.
  | { kind: 'thinking'; thinking: string; signature: string }
  | { kind: 'redacted'; data: string };

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
  const blocks = new Map<number, PendingBlock>();
  let stopReason: string | null = null;
  let outputTokens = 0;
  for await (const event of events) {
    switch (event.type) {
      case 'message_start':
        usage.inputTokens += event.message.usage.input_tokens;
        outputTokens = event.message.usage.output_tokens;
        break;
      case 'content_block_start': {
        const block = startBlock(event.content_block);
        if (block) blocks.set(event.index, block);
        break;
      }
      case 'content_block_delta': {
        const block = blocks.get(event.index);
        const delta = event.delta;
        if (delta.type === 'text_delta' && block?.kind === 'text') {
          block.text += delta.text;
          emit({ type: 'text', text: delta.text });
        } else if (delta.type === 'input_json_delta' && block?.kind === 'tool') {
          block.json += delta.partial_json;
        } else if (delta.type === 'thinking_delta' && block?.kind === 'thinking') {
          block.thinking += delta.thinking;
        } else if (delta.type === 'signature_delta' && block?.kind === 'thinking') {
          block.signature += delta.signature;
        }
        break;
      }
      case 'content_block_stop': {
        const block = blocks.get(event.index);
        if (block?.kind === 'tool') {
          const input = parseInput(block.json);
          content.push({ type: 'tool_use', id: block.id, name: block.name, input });
          toolCalls.push({ id: block.id, name: block.name, input });
        } else if (block) {
          const param = finishBlock(block);
          if (param) content.push(param);
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

function startBlock(block: ContentBlock): PendingBlock | null {
  switch (block.type) {
    case 'text':
      return { kind: 'text', text: block.text };
    case 'tool_use':
      return { kind: 'tool', id: block.id, name: block.name, json: '' };
    case 'thinking':
      return { kind: 'thinking', thinking: block.thinking, signature: block.signature };
    case 'redacted_thinking':
      return { kind: 'redacted', data: block.data };
    default:
      return null;
  }
}

function finishBlock(block: Exclude<PendingBlock, { kind: 'tool' }>): ContentBlockParam | null {
  switch (block.kind) {
    case 'text':
      // The API refuses empty text blocks in a request.
      return block.text === '' ? null : { type: 'text', text: block.text };
    case 'thinking':
      return { type: 'thinking', thinking: block.thinking, signature: block.signature };
    case 'redacted':
      return { type: 'redacted_thinking', data: block.data };
  }
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
