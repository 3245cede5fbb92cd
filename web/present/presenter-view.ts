/**
 * `<vol-presenter>`: the presenter window (S in presentation mode, or `?presenter`). Shows the current and next
 * slide with their live outputs, a timer, the speaker notes and the audience's input values, following the
 * audience window over the BroadcastChannel; ← / → here move the audience too. It runs no cells (a second run
 * of every fit would halve the machine during a talk): the audience window sends a copy of what its current
 * and next slide show whenever that changes, an input moved or a chart redrawn. Until the first copy arrives
 * it shows the slides' prose from the notebook's text.
 *
 * Carries `data-presenter`, `data-presenter-slide` (the 0-based slide it shows) and, on the two slide boxes,
 * `data-presenter-live` once they show the audience's outputs, for tests.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
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
  vol-presenter .slide-text,
  vol-presenter .slide-live {
    background: var(--vol-surface);
    border: 1px solid var(--vol-border);
    border-radius: 6px;
    padding: 12px;
    max-height: 40vh;
    overflow: auto;
  }
  vol-presenter .slide-text {
    white-space: pre-wrap;
  }
  /* Charts come sized for the audience's slide: let them shrink into the box. */
  vol-presenter .slide-live svg,
  vol-presenter .slide-live figure {
    max-width: 100%;
    height: auto;
  }
  vol-presenter .slide-live.next {
    zoom: 0.6;
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
  /** The audience's copy of its current and next slide's outputs. */
  @state() private live: { index: number; current: string; next: string } | null = null;
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
      if (message.type === 'slides') this.live = message;
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

  private renderSlide(which: 'current' | 'next', slide: Slide | undefined) {
    const live = this.live?.index === this.index ? this.live[which] : null;
    // Same-origin copies of the audience's own rendering (a BroadcastChannel does not cross origins).
    const body = live === null ? this.prose(slide) : unsafeHTML(live);
    const kind = live === null ? 'slide-text' : `slide-live ${which}`;
    const isLive = live !== null;
    return which === 'current'
      ? html`<div class=${kind} data-presenter-current ?data-presenter-live=${isLive}>${body}</div>`
      : html`<div class=${kind} data-presenter-next ?data-presenter-live=${isLive}>${body}</div>`;
  }

  override render() {
    if (this.error) return html`<p role="alert">${this.error}</p>`;
    const current = this.slides[this.index];
    const next = this.slides[this.index + 1];
    const minutes = Math.floor(this.elapsed / 60);
    const seconds = String(this.elapsed % 60).padStart(2, '0');
    return html`<div data-presenter data-presenter-slide=${this.index}>
        <h2>Slide ${this.index + 1} / ${this.slides.length}: ${current?.title ?? '…'}</h2>
        ${this.renderSlide('current', current)}
        <h3>Next: ${next ? next.title : 'end of the deck'}</h3>
        ${this.renderSlide('next', next)}
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
