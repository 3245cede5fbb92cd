/** Validation of the `POST /api/chat` body: a clear 400 for anything malformed, nothing passed on unchecked. */
import { httpError } from '../http/errors';
import { notebookPath } from '../notebooks/paths';
import type { ChatCellSnapshot, ChatRequest, ChatTurn } from '../contract';

const MAX_MESSAGES = 100;
const MAX_TEXT = 100_000;
const MAX_CELLS = 500;
const KINDS = ['js', 'sql', 'md'] as const;
const STATUSES = ['idle', 'running', 'ok', 'error'] as const;

/**
 * @example
 * parseChatRequest({ messages: [{ role: 'user', content: 'Which dataset has option quotes?' }] });
 */
export function parseChatRequest(body: Record<string, unknown>): ChatRequest {
  const { messages, notebook, cell, cells } = body;
  if (!Array.isArray(messages) || messages.length === 0 || messages.length > MAX_MESSAGES)
    throw httpError(400, `invalid messages: expected 1 to ${MAX_MESSAGES} {role, content} objects`);
  const turns = messages.map(turn);
  if (turns[0]?.role !== 'user' || turns.at(-1)?.role !== 'user')
    throw httpError(400, 'invalid messages: the first and the last must be from the user');
  return {
    messages: turns,
    ...(notebook === undefined ? {} : { notebook: notebookPath(notebook) }),
    ...(cell === undefined ? {} : { cell: text(cell, 'cell', 200) }),
    ...(cells === undefined ? {} : { cells: cellList(cells) }),
  };
}

function turn(value: unknown): ChatTurn {
  const { role, content } = (value ?? {}) as Record<string, unknown>;
  if (role !== 'user' && role !== 'assistant')
    throw httpError(400, 'invalid message role: expected user or assistant');
  return { role, content: text(content, 'message content', MAX_TEXT) };
}

function cellList(value: unknown): ChatCellSnapshot[] {
  if (!Array.isArray(value) || value.length > MAX_CELLS)
    throw httpError(400, `invalid cells: expected at most ${MAX_CELLS}`);
  return value.map((raw: unknown) => {
    const c = (raw ?? {}) as Record<string, unknown>;
    if (!(KINDS as readonly unknown[]).includes(c.kind)) throw httpError(400, 'invalid cell kind');
    if (!(STATUSES as readonly unknown[]).includes(c.status))
      throw httpError(400, 'invalid cell status');
    const error = c.error as Record<string, unknown> | undefined;
    return {
      id: text(c.id, 'cell id', 200),
      kind: c.kind as ChatCellSnapshot['kind'],
      source: text(c.source, 'cell source', MAX_TEXT),
      status: c.status as ChatCellSnapshot['status'],
      ...(error
        ? {
            error: {
              message: text(error.message, 'cell error', 4000),
              ...(typeof error.line === 'number' ? { line: error.line } : {}),
              ...(typeof error.column === 'number' ? { column: error.column } : {}),
            },
          }
        : {}),
      ...(c.output === undefined ? {} : { output: text(c.output, 'cell output', 4000) }),
    };
  });
}

function text(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') throw httpError(400, `invalid ${what}: expected a string`);
  if (value.length > max) throw httpError(400, `invalid ${what}: longer than ${max} characters`);
  return value;
}
