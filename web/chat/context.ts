/**
 * What leaves the machine: the cells sent with a question, built from the page's rows and outputs, with the
 * outputs left out when the user says so, and a plain description of it for the preview. Pure.
 */
import type { ChatCellSnapshot } from '../../server/contract';

export interface CellState {
  id: string;
  kind: string;
  source: string;
  status: string;
  error?: { message: string; line?: number; column?: number };
  output?: string;
}

/** Longest output summary sent per cell. */
export const OUTPUT_SUMMARY_CHARS = 300;

/**
 * @example
 * cellSnapshots([{ id: 'a', kind: 'sql', source: 'SELECT 1', status: 'ok', output: '1' }], false);
 * // [{ id: 'a', kind: 'sql', source: 'SELECT 1', status: 'ok' }]
 */
export function cellSnapshots(
  cells: readonly CellState[],
  includeOutputs: boolean,
): ChatCellSnapshot[] {
  return cells.flatMap((c) => {
    const kind = c.kind === 'js' || c.kind === 'sql' || c.kind === 'md' ? c.kind : null;
    if (!kind) return [];
    const status = c.status === 'pending' ? 'idle' : (c.status as ChatCellSnapshot['status']);
    const snapshot: ChatCellSnapshot = { id: c.id, kind, source: c.source, status };
    if (c.error) snapshot.error = c.error;
    if (includeOutputs && c.output) snapshot.output = c.output.slice(0, OUTPUT_SUMMARY_CHARS);
    return [snapshot];
  });
}

/** The preview's lines: which cells, how much source, whether outputs go, and what tools may send back. */
export function describeContext(
  cells: readonly ChatCellSnapshot[],
  includeOutputs: boolean,
): string[] {
  const chars = cells.reduce((n, c) => n + c.source.length + (c.output?.length ?? 0), 0);
  return [
    `${cells.length} cells (${cells.map((c) => c.id).join(', ') || 'none'}), ${chars} characters`,
    includeOutputs
      ? 'Cell outputs: a summary of each, up to 300 characters'
      : 'Cell outputs: left out',
    'Errors: the message and its position, for cells in error',
    'Dataset schemas and up to 100 rows per query the assistant runs (run_sql, describe_dataset)',
    'Your messages in this conversation. The API key stays on the sidecar.',
  ];
}
