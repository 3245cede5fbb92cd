/**
 * `<vol-export-panel>`: the Export button's panel. An export runs the whole notebook headless and may build
 * the viewer, which takes longer than a request should, so the workbench gives the exact command rather than a
 * download: a folder (or `--single-file` HTML) that opens from any static server, or `file://`, with no sidecar.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

@customElement('vol-export-panel')
export class ExportPanel extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The notebook's path relative to the notebooks folder, e.g. `regime-study.md`. */
  @property() path = '';
  @state() private copied = '';

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
        the data slices it reads, with every result for the default inputs precomputed. Run in the
        project folder:
      </p>
      <ul>
        ${command(folder, 'a folder for any static file server (exports/…)')}
        ${command(single, 'one HTML file, data inside, that opens offline from file://')}
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
