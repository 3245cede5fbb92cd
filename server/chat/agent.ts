/**
 * The agent loop: stream a Messages request, relay its text as it arrives, run the tools the model asked for,
 * send their results back (same `tool_use_id`), and repeat until the model stops or the step limit is hit.
 * Every event is handed to `emit` as it happens; the outcome is what the conversation store keeps.
 */
import type {
  MessageParam,
  ToolResultBlockParam,
} from '@anthropic-ai/sdk/resources/messages/messages';
import { describeUpstreamError } from './errors';
import { streamTurn, type ToolCall } from './stream-turn';
import { TOOL_DEFINITIONS } from './tool-definitions';
import { runTool, type ToolContext } from './tools';
import type { ModelStream } from './upstream';
import type { ChatEvent, ChatProposal, ChatStep, ChatTurn } from '../contract';

export const MAX_STEPS = 8;

export interface AgentOptions {
  stream: ModelStream;
  model: string;
  maxTokens: number;
  system: string;
  messages: ChatTurn[];
  tools: ToolContext;
  emit: (event: ChatEvent) => void;
  signal: AbortSignal;
  apiKey?: string;
  maxSteps?: number;
}

export interface AgentOutcome {
  text: string;
  steps: ChatStep[];
  proposals: ChatProposal[];
  usage: { inputTokens: number; outputTokens: number };
  interrupted: boolean;
}

/**
 * @example
 * const outcome = await runAgent({ stream, model, maxTokens, system, messages, tools, emit: send, signal });
 */
export async function runAgent(options: AgentOptions): Promise<AgentOutcome> {
  const { emit } = options;
  const history: MessageParam[] = options.messages.map((m) => ({
    role: m.role,
    content: m.content,
  }));
  const outcome: AgentOutcome = {
    text: '',
    steps: [],
    proposals: [],
    usage: { inputTokens: 0, outputTokens: 0 },
    interrupted: false,
  };
  const maxSteps = options.maxSteps ?? MAX_STEPS;
  try {
    for (let step = 0; ; step++) {
      const request = {
        model: options.model,
        max_tokens: options.maxTokens,
        system: options.system,
        tools: TOOL_DEFINITIONS,
        messages: history,
      };
      const emitText = (event: ChatEvent) => {
        if (event.type === 'text') outcome.text += event.text;
        emit(event);
      };
      const turn = await streamTurn(
        request,
        options.signal,
        options.stream,
        emitText,
        outcome.usage,
      );
      const { content, toolCalls, stopReason } = turn;
      history.push({ role: 'assistant', content });
      if (stopReason !== 'tool_use' || toolCalls.length === 0) {
        emitUsage(emit, outcome);
        emit({ type: 'done', stopReason: stopReason ?? 'end_turn' });
        return outcome;
      }
      if (step + 1 >= maxSteps) {
        outcome.interrupted = true;
        emitUsage(emit, outcome);
        emit({
          type: 'error',
          code: 'step_limit',
          message: `Stopped after ${maxSteps} steps without a final answer; ask a narrower question or continue.`,
        });
        return outcome;
      }
      history.push({ role: 'user', content: await runTools(toolCalls, options, outcome) });
    }
  } catch (error) {
    outcome.interrupted = true;
    emitUsage(emit, outcome);
    const failure = describeUpstreamError(error, options.apiKey);
    if (failure) emit({ type: 'error', ...failure });
    else emit({ type: 'done', stopReason: 'cancelled' });
    return outcome;
  }
}

async function runTools(
  calls: ToolCall[],
  options: AgentOptions,
  outcome: AgentOutcome,
): Promise<ToolResultBlockParam[]> {
  const results: ToolResultBlockParam[] = [];
  for (const call of calls) {
    options.emit({ type: 'tool_call', id: call.id, name: call.name, input: call.input });
    const step: ChatStep = { id: call.id, name: call.name, input: call.input };
    outcome.steps.push(step);
    try {
      const result = await runTool(call.name, call.input, options.tools);
      step.result = result.payload;
      options.emit({ type: 'tool_result', id: call.id, name: call.name, ...result.payload });
      if (result.proposal) {
        outcome.proposals.push(result.proposal);
        options.emit({ type: 'proposal', id: call.id, proposal: result.proposal });
      }
      results.push({ type: 'tool_result', tool_use_id: call.id, content: result.forModel });
    } catch (error) {
      // A tool that throws is the model's problem to recover from, not the request's.
      const message = error instanceof Error ? error.message : String(error);
      step.error = message;
      options.emit({ type: 'tool_result', id: call.id, name: call.name, error: message });
      results.push({ type: 'tool_result', tool_use_id: call.id, content: message, is_error: true });
    }
  }
  return results;
}

function emitUsage(emit: AgentOptions['emit'], outcome: AgentOutcome): void {
  emit({ type: 'usage', ...outcome.usage });
}
