/**
 * The output of one cell, kept outside Lit's rendering so the runtime can write to it directly: it turns the
 * runtime's observer calls into a status, an error and displayed values.
 */
import type { CompiledCell } from '../notebook/compiled';
import type { ProgressState } from '../notebook/compute-local';
import type { CellObserver } from '../notebook/define';
import { slotAttribute, type MarkdownOutput } from '../notebook/render-md';
import { QueryError } from '../data/query-error';
import { renderValue } from '../runtime/render-value';

export type CellStatus = 'pending' | 'running' | 'ok' | 'error';

export interface CellErrorView {
  /** One line: the message and, where known, the position. */
  summary: string;
  /** The failing SQL with a caret under the position, for SQL errors. */
  detail: string | null;
}

export class CellOutput {
  readonly element = document.createElement('div');
  status: CellStatus = 'pending';
  error: CellErrorView | null = null;
  /** The running tasks' bar and Cancel button (`[data-progress]`, `[data-cancel]`), first in the output. */
  private progressBar: HTMLElement | null = null;

  constructor(private readonly onChange: () => void) {
    this.element.className = 'output';
  }

  /** The observer a runtime cell reports to. */
  observer(cell: CompiledCell): CellObserver {
    return {
      pending: () => this.set('running', null),
      fulfilled: () => this.set('ok', null),
      rejected: (error) => this.set('error', describeError(error, cell)),
      clear: () => this.element.replaceChildren(...(this.progressBar ? [this.progressBar] : [])),
      progress: (state) => this.showProgress(state),
      display: (value) => {
        if (cell.kind === 'md') renderMarkdown(value as MarkdownOutput, this.element);
        else renderValue(value, this.element);
      },
    };
  }

  /** Shows an output rendered elsewhere (an export's precomputed HTML) as this cell's settled output. */
  showPrecomputed(html: string): void {
    this.element.innerHTML = html;
    this.set('ok', null);
  }

  /** For blocks the runtime does not run (plain code): settled at once. */
  settle(): void {
    this.set('ok', null);
  }

  private showProgress(state: ProgressState | null): void {
    if (!state) {
      this.progressBar?.remove();
      this.progressBar = null;
      return;
    }
    const bar = (this.progressBar ??= progressElement());
    if (bar.parentNode !== this.element) this.element.prepend(bar);
    const meter = bar.querySelector('progress')!;
    if (state.fraction === null) meter.removeAttribute('value');
    else meter.value = state.fraction;
    bar.dataset.progress = state.fraction === null ? '' : state.fraction.toFixed(3);
    const percent = state.fraction === null ? '' : ` ${Math.round(state.fraction * 100)}%`;
    bar.querySelector('.progress-label')!.textContent = `${state.label}${percent}`;
    (bar.querySelector('[data-cancel]') as HTMLButtonElement).onclick = state.cancel;
  }

  private set(status: CellStatus, error: CellErrorView | null): void {
    this.status = status;
    this.error = error;
    this.onChange();
  }
}

function progressElement(): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'progress';
  bar.style.cssText =
    'display:flex;align-items:center;gap:8px;margin:4px 0;font-size:12px;color:var(--vol-fg-muted)';
  const meter = document.createElement('progress');
  meter.max = 1;
  meter.style.cssText = 'flex:1;max-width:320px';
  const label = document.createElement('span');
  label.className = 'progress-label';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  cancel.dataset.cancel = '';
  bar.append(meter, label, cancel);
  return bar;
}

function renderMarkdown(output: MarkdownOutput, container: HTMLElement): void {
  const div = document.createElement('div');
  div.className = 'markdown';
  div.innerHTML = output.html;
  for (const slot of div.querySelectorAll<HTMLElement>(`[${slotAttribute}]`)) {
    const value = output.values[Number(slot.getAttribute(slotAttribute))];
    const holder = document.createElement('span');
    renderValue(value, holder);
    slot.replaceWith(...holder.childNodes);
  }
  container.append(div);
}

function describeError(error: unknown, cell: CompiledCell): CellErrorView {
  if (error instanceof QueryError) {
    const where = error.position
      ? ` (line ${error.position.line}, column ${error.position.column})`
      : '';
    const message = error.message.split('\n')[0]!;
    return { summary: `${message}${where}`, detail: sqlWithCaret(error.sql, error.position) };
  }
  const err = error as { message?: unknown; line?: unknown; column?: unknown } | null;
  const message = typeof err?.message === 'string' ? err.message : String(error);
  // Compile errors carry a position in the cell's source.
  if (cell.error && typeof err?.line === 'number') {
    return { summary: `${message} (line ${err.line}, column ${String(err.column)})`, detail: null };
  }
  return { summary: message, detail: null };
}

function sqlWithCaret(sql: string, position: { line: number; column: number } | null): string {
  if (!position) return sql;
  const lines = sql.split('\n');
  lines.splice(position.line, 0, `${' '.repeat(Math.max(0, position.column - 1))}^`);
  return lines.join('\n');
}
