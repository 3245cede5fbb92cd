/**
 * `<vol-dataset-panel>`: the datasets a notebook can query, with their schemas, sizes and time ranges.
 * Simulated datasets carry a visible "simulated" label.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DatasetCatalog, DatasetEntry } from '../../server/contract';

@customElement('vol-dataset-panel')
export class DatasetPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 13px;
    }
    h2 {
      font-size: 13px;
      text-transform: uppercase;
      letter-spacing: 0.05em;
      color: var(--vol-fg-muted);
      margin: 0 0 8px;
    }
    details {
      border-bottom: 1px solid var(--vol-border-muted);
      padding: 6px 0;
    }
    summary {
      cursor: pointer;
      font-family: ui-monospace, Menlo, monospace;
    }
    .badge {
      font-family: system-ui, sans-serif;
      font-size: 10px;
      background: var(--vol-simulated-bg);
      color: var(--vol-simulated-fg);
      border: 1px solid var(--vol-simulated-border);
      border-radius: 3px;
      padding: 0 4px;
      margin-left: 4px;
    }
    .meta {
      color: var(--vol-fg-muted);
      margin: 4px 0;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    td {
      padding: 1px 4px;
      font-family: ui-monospace, Menlo, monospace;
      font-size: 12px;
    }
    td.type {
      color: var(--vol-name);
    }
    .error {
      color: var(--vol-danger);
    }
  `;

  @property({ attribute: false }) catalog: DatasetCatalog | null = null;
  @property() error = '';

  override render() {
    if (this.error)
      return html`<h2>Datasets</h2>
        <p class="error">${this.error}</p>`;
    if (!this.catalog)
      return html`<h2>Datasets</h2>
        <p class="meta">Loading…</p>`;
    return html`<h2>Datasets</h2>
      ${this.catalog.datasets.map((d) => this.renderDataset(d))}`;
  }

  private renderDataset(dataset: DatasetEntry) {
    const range = dataset.timeRange
      ? `${dataset.timeRange.start.slice(0, 10)} → ${dataset.timeRange.end.slice(0, 10)}`
      : '';
    return html`<details data-dataset=${dataset.name}>
      <summary>
        ${dataset.name}${dataset.simulated ? html`<span class="badge">simulated</span>` : nothing}
      </summary>
      <div class="meta">${dataset.title}</div>
      <div class="meta">
        ${dataset.rows.toLocaleString('en-US')} rows ·
        ${formatBytes(dataset.bytes)}${range ? ` · ${range}` : ''}
      </div>
      ${
        dataset.partitionKeys.length
          ? html`<div class="meta">partitioned by ${dataset.partitionKeys.join(', ')}</div>`
          : nothing
      }
      <table>
        ${dataset.schema.map(
          (c) =>
            html`<tr>
              <td>${c.name}</td>
              <td class="type">${c.type}</td>
            </tr>`,
        )}
      </table>
    </details>`;
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-dataset-panel': DatasetPanel;
  }
}
