/**
 * `<vol-share-panel>`: the Share button's panel. Pins a snapshot of the notebook with the current inputs
 * (`POST /api/shares`), shows and copies its link, and lists the notebook's existing shares with Revoke.
 * Elements carry `data-share-url` (the new link) and `data-share-id` (each listed share) for tests.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { createShare, listShares, revokeShare, type ShareSummary } from '../api/shares';

@customElement('vol-share-panel')
export class SharePanel extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The notebook's path, e.g. `regime-study.md`. */
  @property() path = '';
  /** Reads the current input values when Share is pressed. */
  @property({ attribute: false }) inputs: () => Record<string, unknown> = () => ({});

  @state() private link = '';
  @state() private shares: ShareSummary[] = [];
  @state() private message = '';
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      this.shares = (await listShares()).filter((s) => s.path === this.path);
    } catch (error) {
      this.message = (error as Error).message;
    }
  }

  private async share(): Promise<void> {
    this.busy = true;
    this.message = '';
    try {
      const { url } = await createShare(this.path, this.inputs());
      this.link = new URL(url, location.origin).href;
      await this.copy(this.link);
      await this.refresh();
    } catch (error) {
      this.message = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  private async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.message = 'Link copied.';
    } catch {
      // No clipboard permission (an insecure origin, a test browser): the link is shown to copy by hand.
      this.message = '';
    }
  }

  private async revoke(id: string): Promise<void> {
    try {
      await revokeShare(id);
    } catch (error) {
      this.message = (error as Error).message;
    }
    if (this.link.includes(`/s/${id}`)) this.link = '';
    await this.refresh();
  }

  override render() {
    return html`<div class="share-panel" role="dialog" aria-label="Share">
      <p>
        A share link pins this version of the notebook, the data it reads and the current inputs. It
        opens read-only, without the token; later edits do not change it.
      </p>
      <button data-share-create ?disabled=${this.busy} @click=${() => void this.share()}>
        ${this.busy ? 'Pinning…' : 'Create share link'}
      </button>
      ${
        this.link
          ? html`<p>
              <a data-share-url href=${this.link} target="_blank" rel="noopener">${this.link}</a>
              <button @click=${() => void this.copy(this.link)}>Copy</button>
            </p>`
          : nothing
      }
      ${this.message ? html`<p class="share-message" role="status">${this.message}</p>` : nothing}
      ${
        this.shares.length > 0
          ? html`<ul class="share-list">
              ${this.shares.map(
                (s) =>
                  html`<li data-share-id=${s.id}>
                    <a href=${s.url} target="_blank" rel="noopener">${s.url}</a>
                    <span class="share-date">${s.createdAt.slice(0, 16).replace('T', ' ')}</span>
                    <button data-share-revoke @click=${() => void this.revoke(s.id)}>Revoke</button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-share-panel': SharePanel;
  }
}
