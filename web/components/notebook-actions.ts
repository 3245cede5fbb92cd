/**
 * `<vol-notebook-actions>`: the notebook toolbar's sharing actions. "Link with inputs" (the notebook's URL with
 * `?inputs=` set to the current values, copied), Share (`<vol-share-panel>`), Export (`<vol-export-panel>`)
 * and Present (fires `present`). Kept apart from the page so the page only gives it a slot.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { urlWithInputs } from '../viewer/input-state';
import { adoptDocumentStyles } from './document-styles';
import './export-panel';
import './share-panel';

const styles = css`
  vol-notebook-actions {
    position: relative;
    display: flex;
    gap: 8px;
  }
  vol-notebook-actions > :is(vol-share-panel, vol-export-panel, .inputs-link) {
    position: absolute;
    top: 100%;
    right: 0;
    z-index: 5;
    width: min(560px, 90vw);
    padding: 8px 12px;
    background: var(--vol-surface);
    border: 1px solid var(--vol-border);
    border-radius: 6px;
    overflow-wrap: anywhere;
  }
`;

type Panel = 'share' | 'export' | 'inputs';

@customElement('vol-notebook-actions')
export class NotebookActions extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    adoptDocumentStyles(styles);
    return this;
  }

  @property() path = '';
  /** Reads the notebook's current input values. */
  @property({ attribute: false }) inputs: () => Record<string, unknown> = () => ({});
  @state() private panel: Panel | null = null;
  @state() private link = '';

  private toggle(panel: Panel): void {
    this.panel = this.panel === panel ? null : panel;
    if (this.panel === 'inputs') {
      this.link = urlWithInputs(location.href, this.inputs());
      void navigator.clipboard?.writeText(this.link).catch(() => undefined);
    }
  }

  private button(panel: Panel, label: string) {
    return html`<button
      data-panel=${panel}
      aria-expanded=${String(this.panel === panel)}
      @click=${() => this.toggle(panel)}
    >
      ${label}
    </button>`;
  }

  override render() {
    return html`<span class="notebook-actions">
        ${this.button('inputs', 'Link with inputs')} ${this.button('share', 'Share')}
        ${this.button('export', 'Export')}
        <button
          data-present-start
          @click=${() => this.dispatchEvent(new CustomEvent('present', { bubbles: true }))}
        >
          Present
        </button>
      </span>
      ${this.renderPanel()}`;
  }

  private renderPanel() {
    if (this.panel === 'share')
      return html`<vol-share-panel .path=${this.path} .inputs=${this.inputs}></vol-share-panel>`;
    if (this.panel === 'export')
      return html`<vol-export-panel .path=${this.path} .inputs=${this.inputs}></vol-export-panel>`;
    if (this.panel === 'inputs')
      return html`<p class="inputs-link" role="status">
        This notebook with its current inputs (copied):
        <a data-inputs-link href=${this.link}>${this.link}</a>
      </p>`;
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-notebook-actions': NotebookActions;
  }
}
