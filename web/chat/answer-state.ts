/**
 * The assistant's answer as it streams: each `ChatEvent` folded into a `ChatStoredMessage` (text appended,
 * steps opened and closed, proposals, usage, an error marking it interrupted). Pure.
 */
import type { ChatEvent, ChatStoredMessage } from '../../server/contract';

export interface LiveAnswer {
  message: ChatStoredMessage;
  error?: { message: string; code: string; retryAfterSeconds?: number };
  finished: boolean;
}

/** @example const answer = emptyAnswer(new Date().toISOString()); */
export function emptyAnswer(at: string): LiveAnswer {
  return {
    message: { role: 'assistant', content: '', steps: [], proposals: [], at },
    finished: false,
  };
}

/**
 * @example
 * applyEvent(emptyAnswer(at), { type: 'text', text: 'Hi' }).message.content; // 'Hi'
 */
export function applyEvent(answer: LiveAnswer, event: ChatEvent): LiveAnswer {
  const message = { ...answer.message };
  switch (event.type) {
    case 'text':
      message.content += event.text;
      break;
    case 'tool_call':
      message.steps = [
        ...(message.steps ?? []),
        { id: event.id, name: event.name, input: event.input },
      ];
      break;
    case 'tool_result': {
      const { type: _type, id, name: _name, error, ...result } = event;
      message.steps = (message.steps ?? []).map((s) =>
        s.id === id ? { ...s, ...(error === undefined ? { result } : { error }) } : s,
      );
      break;
    }
    case 'proposal':
      message.proposals = [...(message.proposals ?? []), event.proposal];
      break;
    case 'usage':
      message.usage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens };
      break;
    case 'error': {
      const { type: _type, ...error } = event;
      return { message: { ...message, interrupted: true }, error, finished: true };
    }
    case 'done':
      if (event.stopReason === 'cancelled') message.interrupted = true;
      return { ...answer, message, finished: true };
  }
  return { ...answer, message };
}

/** The stream ended without `done` or `error`: the connection to the sidecar dropped. */
export function endedEarly(answer: LiveAnswer): LiveAnswer {
  if (answer.finished) return answer;
  return {
    message: { ...answer.message, interrupted: true },
    error: {
      code: 'connection',
      message: 'The connection to the sidecar dropped; the answer was interrupted.',
    },
    finished: true,
  };
}

/** The user pressed Stop: what arrived stays, marked stopped. */
export function stopped(answer: LiveAnswer): LiveAnswer {
  if (answer.finished) return answer;
  return {
    message: { ...answer.message, interrupted: true },
    error: { code: 'cancelled', message: 'Stopped.' },
    finished: true,
  };
}

/** The request to the sidecar failed outright (network error). */
export function failed(answer: LiveAnswer, message: string): LiveAnswer {
  return {
    message: { ...answer.message, interrupted: true },
    error: { code: 'connection', message: `Could not reach the sidecar: ${message}` },
    finished: true,
  };
}
