/**
 * The template of one notebook block: a cell (its bar, editor, error and output) or a slide break, followed by
 * the bar that adds a cell after it. Pure rendering: every action goes back to the page through `actions`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CompletionProvider } from '../editor/completion/completion-provider';
import type { DraftRow, NewCellKind } from '../editor/draft';
import type { CellOutput } from './cell-output';
import './cell-editor';

export interface CellRowActions {
  toggleEditor(): void;
  run(): void;
  move(delta: -1 | 1): void;
  remove(): void;
  edit(source: string): void;
  save(): void;
  /** Insert a new cell right after this one. */
  addAfter(kind: NewCellKind): void;
  /** Ask Claude about this cell: `fix` (shown on a cell in error) or `explain`. */
  ask?(mode: 'fix' | 'explain'): void;
}

export function renderAddBar(add: (kind: NewCellKind) => void): TemplateResult {
  return html`<div class="add-bar">
    <button @click=${() => add('js')}>+ JS</button>
    <button @click=${() => add('sql')}>+ SQL</button>
    <button @click=${() => add('md')}>+ Markdown</button>
  </div>`;
}

export function renderCellRow(
  row: DraftRow,
  output: CellOutput,
  editing: boolean,
  completion: CompletionProvider,
  actions: CellRowActions,
): TemplateResult {
  const cell = row.cell;
  const addBar = renderAddBar((kind) => actions.addAfter(kind));
  if (cell.kind === 'break') {
    return html`<hr class="slide-break" title="Slide break" />
      ${addBar}`;
  }
  const name = cell.attributes.id;
  const toggleLabel =
    cell.kind === 'md' ? (editing ? 'Done' : 'Edit') : editing ? 'Hide code' : 'Code';
  return html`<section
      class="cell ${cell.kind}"
      data-cell-id=${cell.id}
      data-kind=${cell.kind}
      data-status=${output.status}
      data-error=${output.error?.summary ?? nothing}
    >
      <div class="cell-bar">
        <span class="kind">${cell.kind === 'code' ? cell.fence?.lang || 'code' : cell.kind}</span>
        ${typeof name === 'string' ? html`<span class="name">${name}</span>` : nothing}
        <span class="status ${output.status}">${output.status}</span>
        <span class="spacer"></span>
        <button @click=${actions.toggleEditor} data-toggle-editor>${toggleLabel}</button>
        <button title="Run (Shift+Enter)" @click=${actions.run}>Run</button>
        ${
          actions.ask && output.error
            ? html`<button @click=${() => actions.ask?.('fix')} data-fix-with-claude>
                Fix with Claude
              </button>`
            : nothing
        }
        ${actions.ask ? html`<button @click=${() => actions.ask?.('explain')} data-explain>Explain</button>` : nothing}
        <button title="Move up" @click=${() => actions.move(-1)}>↑</button>
        <button title="Move down" @click=${() => actions.move(1)}>↓</button>
        <button title="Delete cell" @click=${actions.remove}>✕</button>
      </div>
      ${
        editing
          ? html`<vol-cell-editor
              .language=${cell.kind}
              .source=${row.draft}
              .completion=${completion}
              @change=${(e: CustomEvent<{ source: string }>) => actions.edit(e.detail.source)}
              @run=${actions.run}
              @save=${actions.save}
            ></vol-cell-editor>`
          : nothing
      }
      ${
        output.error
          ? html`<div class="error" role="alert">
              <div class="summary">${output.error.summary}</div>
              ${output.error.detail ? html`<pre>${output.error.detail}</pre>` : nothing}
            </div>`
          : nothing
      }
      ${
        cell.kind !== 'code'
          ? output.element
          : editing
            ? nothing
            : html`<pre class="code">${cell.source}</pre>`
      }
    </section>
    ${addBar}`;
}
