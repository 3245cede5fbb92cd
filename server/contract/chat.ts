/**
 * The chat wire contract (type-only, read by server/ and web/): the body of `POST /api/chat`, the JSON events
 * of its SSE stream, and the stored conversation of a notebook.
 */

/** A cell as the browser sees it now; what `get_notebook` returns and what the preview shows. */
export interface ChatCellSnapshot {
  id: string;
  kind: 'js' | 'sql' | 'md';
  source: string;
  status: 'idle' | 'running' | 'ok' | 'error';
  /** The error message, with its position in the source when known. */
  error?: { message: string; line?: number; column?: number };
  /** A short summary of the output (left out when the user switched outputs off). */
  output?: string;
}

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  messages: ChatTurn[];
  /** The notebook the conversation belongs to (its path under notebooks/). */
  notebook?: string;
  /** The cell the question is about (Fix with Claude, Explain). */
  cell?: string;
  /** The notebook's cells as the browser has them; outputs absent when the user left them out. */
  cells?: ChatCellSnapshot[];
}

/** A cell the model suggests; nothing changes until the user clicks. */
export interface ChatProposal {
  kind: 'js' | 'sql' | 'md';
  source: string;
  /** Insert after this cell id. */
  after?: string;
  /** Replace this cell id. */
  replace?: string;
}

export interface ChatToolResultPayload {
  /** run_sql: the columns, the first rows and the total count. */
  columns?: { name: string; type: string }[];
  rows?: unknown[][];
  totalRows?: number;
  /** Any other tool: its JSON result, as sent to the model. */
  value?: unknown;
}

export type ChatEvent =
  | { type: 'text'; text: string }
  | { type: 'tool_call'; id: string; name: string; input: Record<string, unknown> }
  | ({ type: 'tool_result'; id: string; name: string; error?: string } & ChatToolResultPayload)
  | { type: 'proposal'; id: string; proposal: ChatProposal }
  | { type: 'usage'; inputTokens: number; outputTokens: number }
  | { type: 'error'; message: string; code: ChatErrorCode; retryAfterSeconds?: number }
  | { type: 'done'; stopReason: string };

export type ChatErrorCode =
  | 'no_key'
  | 'auth'
  | 'forbidden'
  | 'rate_limited'
  | 'overloaded'
  | 'upstream'
  | 'connection'
  | 'step_limit'
  | 'bad_request';

/** One step of an answer, kept with the conversation so a reload shows it. */
export interface ChatStep {
  id: string;
  name: string;
  input: Record<string, unknown>;
  result?: ChatToolResultPayload;
  error?: string;
}

export interface ChatStoredMessage {
  role: 'user' | 'assistant';
  content: string;
  steps?: ChatStep[];
  proposals?: ChatProposal[];
  usage?: { inputTokens: number; outputTokens: number };
  /** The answer stopped early (an error mid-stream, Stop, a dropped connection). */
  interrupted?: boolean;
  at: string;
}

export interface ChatConversation {
  notebook: string;
  messages: ChatStoredMessage[];
}

/** `GET /api/chat/status`: whether the assistant is configured (never the key). */
export interface ChatStatus {
  enabled: boolean;
  model: string;
}
