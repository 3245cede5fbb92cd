import { css } from 'lit';

export const notebookPageStyles = css`
  vol-notebook-page {
    display: block;
  }
  vol-notebook-page .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 300px;
    gap: 16px;
    max-width: 1400px;
    margin: 0 auto;
    padding: 16px;
  }
  vol-notebook-page .page {
    min-width: 0;
  }
  vol-notebook-page .side {
    position: sticky;
    top: 8px;
    align-self: start;
    max-height: calc(100vh - 60px);
    overflow: auto;
    background: var(--vol-surface);
    border: 1px solid var(--vol-border);
    border-radius: 6px;
    padding: 12px;
  }
  vol-notebook-page .toolbar {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 6px 0 12px;
  }
  vol-notebook-page .path {
    font-family: ui-monospace, Menlo, monospace;
    color: var(--vol-fg-muted);
    flex: 1;
  }
  vol-notebook-page .save-state.dirty,
  vol-notebook-page .save-state.conflict,
  vol-notebook-page .save-state.error {
    color: var(--vol-attention);
    font-weight: 600;
  }
  vol-notebook-page .banner {
    border-radius: 6px;
    padding: 10px 12px;
    margin: 0 0 12px;
  }
  vol-notebook-page .banner.error {
    background: var(--vol-danger-bg);
    border: 1px solid var(--vol-danger-border);
  }
  vol-notebook-page .banner.conflict {
    background: var(--vol-attention-bg);
    border: 1px solid var(--vol-attention-border);
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  vol-notebook-page .cell {
    background: var(--vol-surface);
    border: 1px solid var(--vol-border);
    border-left: 3px solid var(--vol-border);
    border-radius: 6px;
    padding: 6px 10px 10px;
  }
  vol-notebook-page .cell[data-status='running'] {
    border-left-color: var(--vol-accent);
  }
  vol-notebook-page .cell[data-status='error'] {
    border-left-color: var(--vol-danger);
  }
  vol-notebook-page .cell.md {
    background: transparent;
    border-color: transparent;
  }
  vol-notebook-page .cell.md:hover {
    border-color: var(--vol-border);
  }
  /* A cell with nothing to show (code hidden, no output, no error) shrinks to its bar. */
  vol-notebook-page
    .cell:not(:has(vol-cell-editor)):not(:has(.output > *)):not(:has([role='alert'])):not(
      :has(pre.code)
    ) {
    padding-bottom: 2px;
    opacity: 0.7;
  }
  vol-notebook-page
    .cell:not(:has(vol-cell-editor)):not(:has(.output > *)):not(:has([role='alert'])):not(
      :has(pre.code)
    )
    .cell-bar {
    margin-bottom: 0;
  }
  vol-notebook-page .cell-bar {
    display: flex;
    align-items: center;
    gap: 6px;
    font-size: 11px;
    color: var(--vol-fg-muted);
    margin-bottom: 4px;
  }
  vol-notebook-page .cell-bar button,
  vol-notebook-page .add-bar button {
    font-size: 11px;
    border: 1px solid transparent;
    background: transparent;
    color: var(--vol-fg-muted);
    cursor: pointer;
    border-radius: 3px;
  }
  vol-notebook-page .cell-bar button:hover,
  vol-notebook-page .add-bar button:hover {
    border-color: var(--vol-border);
    background: var(--vol-surface-subtle);
  }
  vol-notebook-page .kind {
    text-transform: uppercase;
    font-weight: 600;
  }
  vol-notebook-page .name {
    font-family: ui-monospace, Menlo, monospace;
    color: var(--vol-name);
  }
  vol-notebook-page .status.running::before {
    content: '⟳ ';
  }
  vol-notebook-page .status.error {
    color: var(--vol-danger);
  }
  vol-notebook-page .spacer {
    flex: 1;
  }
  vol-notebook-page .add-bar {
    display: flex;
    justify-content: center;
    gap: 4px;
    opacity: 0;
    height: 18px;
    transition: opacity 0.1s;
  }
  vol-notebook-page .add-bar:hover {
    opacity: 1;
  }
  vol-notebook-page .output {
    overflow-x: auto;
    margin-top: 6px;
  }
  vol-notebook-page .output:empty {
    display: none;
  }
  /* Observable Inputs' table paints its sticky header white; follow the theme. */
  vol-notebook-page .output table thead th {
    background: var(--vol-surface);
  }
  vol-notebook-page .markdown {
    line-height: 1.5;
  }
  vol-notebook-page .error {
    margin-top: 6px;
    color: var(--vol-danger);
    font-size: 13px;
  }
  vol-notebook-page .error pre,
  vol-notebook-page pre.code {
    background: var(--vol-surface-subtle);
    padding: 8px;
    border-radius: 4px;
    overflow-x: auto;
    font-size: 12px;
    color: var(--vol-fg);
  }
  vol-notebook-page .table-note {
    font-size: 11px;
    color: var(--vol-fg-muted);
    margin-top: 2px;
  }
  vol-notebook-page .slide-break {
    border: none;
    border-top: 2px dashed var(--vol-border);
    margin: 12px 0;
  }
  vol-notebook-page .loading {
    color: var(--vol-fg-muted);
  }
  @media (max-width: 900px) {
    vol-notebook-page .layout {
      grid-template-columns: 1fr;
    }
  }
`;
