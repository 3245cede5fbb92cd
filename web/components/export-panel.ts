/**
 * `<vol-export-panel>`: the Export button's panel. Downloads the single-file export (`POST /api/exports`: one
 * HTML file, data inside, opens offline from `file://`) with the current inputs, and gives the exact commands
 * for a folder export or a PDF of the slides, which the workbench does not make itself.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { downloadExport } from '../api/exports';

@customElement('vol-export-panel')
export class ExportPanel extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The notebook's path relative to the notebooks folder, e.g. `regime-study.md`. */
  @property() path = '';
  /** Reads the current input values when Download is pressed. */
  @property({ attribute: false }) inputs: () => Record<string, unknown> = () => ({});
  @state() private copied = '';
  @state() private status: 'idle' | 'exporting' | 'done' | 'error' = 'idle';
  @state() private message = '';

  private async download(): Promise<void> {
    this.status = 'exporting';
    this.message = '';
    try {
      const failed = await downloadExport(this.path, this.inputs());
      this.status = 'done';
      this.message =
        failed > 0 ? `Exported, with ${failed} cell(s) in error (shown in the file).` : 'Exported.';
    } catch (error) {
      this.status = 'error';
      this.message = (error as Error).message;
    }
  }

  private async copy(command: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(command);
      this.copied = command;
    } catch {
      this.copied = '';
    }
  }

  override render() {
    const folder = `npm run export -- notebooks/${this.path}`;
    const single = `${folder} --single-file`;
    const command = (text: string, what: string) =>
      html`<li>
        ${what}: <code data-export-command>${text}</code>
        <button @click=${() => void this.copy(text)}>
          ${this.copied === text ? 'Copied' : 'Copy'}
        </button>
      </li>`;
    return html`<div class="export-panel" role="dialog" aria-label="Export">
      <p>
        An export is a static, read-only copy that stays live: the notebook, the viewer and exactly
        the data slices it reads, with every result for the default inputs precomputed.
      </p>
      <p>
        <button
          data-export-download
          ?disabled=${this.status === 'exporting'}
          @click=${() => void this.download()}
        >
          ${this.status === 'exporting' ? 'Exporting…' : 'Download as one HTML file'}
        </button>
        <span data-export-status=${this.status}>${this.message}</span>
      </p>
      <p>Or run in the project folder:</p>
      <ul>
        ${command(folder, 'a folder for any static file server (exports/…)')}
        ${command(single, 'one HTML file, data inside, that opens offline from file://')}
        ${command(`${folder} --pdf`, 'the slides as a 16:9 PDF')}
      </ul>
      <p>
        Add <code>--include-code</code> to show code by default and <code>--force</code> to replace
        an earlier export. Speaker notes are left out.
      </p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-export-panel': ExportPanel;
  }
}
