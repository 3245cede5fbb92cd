/**
 * `<vol-presenter>`: the presenter window (S in presentation mode, or `?presenter`). Shows the current and next
 * slide (title and prose), a timer, the speaker notes and the audience's input values, following the audience
 * window over the BroadcastChannel; ← / → here move the audience too. It runs no cells: the live deck is the
 * audience window, this one reads the notebook's text only.
 *
 * Carries `data-presenter` and `data-presenter-slide` (the 0-based slide it shows) for tests.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { readNotebook } from '../api/notebooks';
import { parse } from '../notebook/parse';
import type { Cell } from '../notebook/types';
import { adoptDocumentStyles } from '../components/document-styles';
import { openDeckChannel } from './channel';
import { deckFromUrl } from './deck-url';
import { stripNotes } from './notes';
import { slidesOf, type Slide } from './slides';

const styles = css`
  vol-presenter {
    display: grid;
    grid-template-columns: 3fr 2fr;
    gap: 16px;
    padding: 16px;
  }
  vol-presenter .slide-text {
    white-space: pre-wrap;
    background: var(--vol-surface);
    border: 1px solid var(--vol-border);
    border-radius: 6px;
    padding: 12px;
    max-height: 40vh;
    overflow: auto;
  }
  vol-presenter .notes {
    font-size: 1.3rem;
  }
  vol-presenter .timer {
    font-size: 2rem;
    font-variant-numeric: tabular-nums;
  }
`;

@customElement('vol-presenter')
export class PresenterView extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    adoptDocumentStyles(styles);
    return this;
  }

  @property() path = '';
  @state() private slides: Slide[] = [];
  @state() private cells = new Map<string, Cell>();
  @state() private index = deckFromUrl(location.href).index;
  @state() private inputs: Record<string, unknown> = {};
  @state() private elapsed = 0;
  @state() private error = '';

  private channel: ReturnType<typeof openDeckChannel> | null = null;
  private timer = 0;
  private readonly started = Date.now();

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const step = { ArrowRight: 1, ' ': 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const index = Math.max(0, Math.min(this.slides.length - 1, this.index + step));
    this.channel?.post({ type: 'go', index });
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = 'Presenter · Vol Lab';
    addEventListener('keydown', this.onKeyDown);
    this.timer = window.setInterval(() => {
      this.elapsed = Math.floor((Date.now() - this.started) / 1000);
    }, 1000);
    this.channel = openDeckChannel(this.path, (message) => {
      if (message.type !== 'state') return;
      this.index = message.index;
      this.inputs = message.inputs;
    });
    this.channel.post({ type: 'hello' });
    readNotebook(this.path)
      .then((file) => {
        const notebook = parse(file.text);
        this.cells = new Map(notebook.cells.map((c) => [c.id, c]));
        this.slides = slidesOf(notebook.cells);
      })
      .catch((error: unknown) => (this.error = (error as Error).message));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('keydown', this.onKeyDown);
    clearInterval(this.timer);
    this.channel?.close();
  }

  private prose(slide: Slide | undefined): string {
    if (!slide) return '';
    return slide.cellIds
      .map((id) => this.cells.get(id))
      .filter((c): c is Cell => c?.kind === 'md')
      .map((c) => stripNotes(c.source).trim())
      .join('\n\n');
  }

  override render() {
    if (this.error) return html`<p role="alert">${this.error}</p>`;
    const current = this.slides[this.index];
    const next = this.slides[this.index + 1];
    const minutes = Math.floor(this.elapsed / 60);
    const seconds = String(this.elapsed % 60).padStart(2, '0');
    return html`<div data-presenter data-presenter-slide=${this.index}>
        <h2>Slide ${this.index + 1} / ${this.slides.length}: ${current?.title ?? '…'}</h2>
        <div class="slide-text" data-presenter-current>${this.prose(current)}</div>
        <h3>Next: ${next ? next.title : 'end of the deck'}</h3>
        <div class="slide-text" data-presenter-next>${this.prose(next)}</div>
      </div>
      <div>
        <div class="timer" data-presenter-timer>${minutes}:${seconds}</div>
        <h3>Notes</h3>
        <div class="notes" data-presenter-notes>
          ${current?.notes.length ? current.notes.map((n) => html`<p>${n}</p>`) : html`<p>(none)</p>`}
        </div>
        ${
          Object.keys(this.inputs).length > 0
            ? html`<h3>Inputs</h3>
                <ul data-presenter-inputs>
                  ${Object.entries(this.inputs).map(
                    ([name, value]) => html`<li>${name}: ${JSON.stringify(value)}</li>`,
                  )}
                </ul>`
            : nothing
        }
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-presenter': PresenterView;
  }
}
