/**
 * `<vol-chat-panel>`: Claude beside the notebook. Streams answers from `/api/chat`, shows each tool step,
 * offers Insert as cell / Replace cell on code, Stop, Retry, usage, the conversation kept per notebook (clear,
 * export), and a preview of exactly what leaves the machine, with a switch to leave cell outputs out.
 *
 * Events: `chat-insert` `{kind, source, after?}` and `chat-replace` `{cellId, kind, source}`; the page decides.
 * Messages carry `data-chat-message`, steps `data-chat-step`, code actions `data-insert-cell`.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ChatStatus, ChatStoredMessage } from '../../server/contract';
import type { DatasetCatalog } from '../../server/contract';
import {
  applyEvent,
  emptyAnswer,
  endedEarly,
  failed,
  stopped,
  type LiveAnswer,
} from '../chat/answer-state';
import { askClaude, chatStatus, clearConversation, exportUrl, loadConversation } from '../chat/api';
import { cellSnapshots, describeContext, type CellState } from '../chat/context';
import { aboutCell } from '../chat/cell-questions';
import { chatPanelStyles } from './chat-panel-styles';
import { renderMessage, type MessageActions } from './chat-message-view';
import { renderDisabled, renderPreview } from './chat-notices';

@customElement('vol-chat-panel')
export class ChatPanel extends LitElement {
  static override styles = chatPanelStyles;

  @property() notebook = '';
  @property({ attribute: false }) cells: () => CellState[] = () => [];
  @property({ attribute: false }) catalog: DatasetCatalog | null = null;

  @state() private status: ChatStatus | null = null;
  @state() private statusError = '';
  @state() private messages: ChatStoredMessage[] = [];
  @state() private live: LiveAnswer | null = null;
  @state() private draft = '';
  @state() private includeOutputs = true;
  @state() private previewOpen = false;
  /** The cell the conversation is about (Fix with Claude, Explain): the target of Replace cell. */
  @state() private focusCell: string | undefined;
  private controller: AbortController | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    chatStatus()
      .then((s) => (this.status = s))
      .catch((e: unknown) => (this.statusError = (e as Error).message));
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('notebook') && this.notebook) {
      this.messages = [];
      loadConversation(this.notebook)
        .then((c) => (this.messages = c.messages))
        .catch(() => undefined);
    }
  }

  /** Ask about one cell: `fix` sends its error, position and the schemas it reads; `explain` its source. */
  askAbout(cellId: string, mode: 'fix' | 'explain'): void {
    const cell = this.cells().find((c) => c.id === cellId);
    if (!cell) return;
    this.focusCell = cellId;
    void this.send(aboutCell(cell, mode, this.catalog), cellId);
  }

  private async send(text: string, cell?: string): Promise<void> {
    if (!text.trim() || this.live) return;
    const at = new Date().toISOString();
    this.messages = [...this.messages, { role: 'user', content: text, at }];
    this.draft = '';
    await this.stream(cell);
  }

  private async stream(cell?: string): Promise<void> {
    const history = this.messages
      .filter((m) => m.content.trim() !== '')
      .map((m) => ({ role: m.role, content: m.content }));
    this.controller = new AbortController();
    let answer = emptyAnswer(new Date().toISOString());
    this.live = answer;
    try {
      const request = {
        messages: history,
        cells: cellSnapshots(this.cells(), this.includeOutputs),
        ...(this.notebook ? { notebook: this.notebook } : {}),
        ...(cell ? { cell } : {}),
      };
      for await (const event of askClaude(request, this.controller.signal)) {
        answer = applyEvent(answer, event);
        this.live = answer;
      }
    } catch (error) {
      if (!this.controller.signal.aborted) answer = failed(answer, (error as Error).message);
    }
    answer = this.controller.signal.aborted ? stopped(answer) : endedEarly(answer);
    this.messages = [
      ...this.messages,
      { ...answer.message, ...(answer.error ? { interrupted: true } : {}) },
    ];
    this.errors.set(this.messages.length - 1, answer.error);
    this.live = null;
    this.controller = null;
  }

  private readonly errors = new Map<number, LiveAnswer['error']>();

  private retry(): void {
    // Drop the interrupted answer and ask the same question again.
    const lastUser = this.messages.findLastIndex((m) => m.role === 'user');
    this.messages = this.messages.slice(0, lastUser + 1);
    void this.stream(this.focusCell);
  }

  private actions(retry: boolean): MessageActions {
    return {
      insert: (kind, source, after) =>
        this.dispatchEvent(
          new CustomEvent('chat-insert', {
            detail: { kind, source, after: after ?? this.focusCell },
            bubbles: true,
            composed: true,
          }),
        ),
      ...(this.focusCell
        ? {
            replace: (kind, source, cellId) =>
              this.dispatchEvent(
                new CustomEvent('chat-replace', {
                  detail: { cellId: cellId ?? this.focusCell, kind, source },
                  bubbles: true,
                  composed: true,
                }),
              ),
          }
        : {}),
      ...(retry ? { retry: () => this.retry() } : {}),
    };
  }

  override render() {
    if (this.statusError)
      return html`<h2>Claude</h2>
        <p class="off">Assistant unavailable: ${this.statusError}</p>`;
    if (!this.status) return html`<h2>Claude</h2>`;
    if (!this.status.enabled) return renderDisabled();
    const last = this.messages.length - 1;
    return html`<h2>
        Claude <span class="off">${this.status.model}</span><span class="spacer"></span>
        <button @click=${() => (this.previewOpen = !this.previewOpen)} data-chat-preview-toggle>
          What is sent?
        </button>
        ${this.notebook ? html`<a href=${exportUrl(this.notebook)} download="conversation.md">Export</a>` : nothing}
        <button @click=${() => void this.clear()} ?disabled=${!!this.live}>Clear</button>
      </h2>
      ${this.previewOpen || this.messages.length === 0 ? this.renderPreview() : nothing}
      <div class="messages">
        ${this.messages.map((m, i) => renderMessage(m, this.actions(i === last && !!m.interrupted), this.errors.get(i)))}
        ${this.live ? renderMessage(this.live.message, this.actions(false)) : nothing}
      </div>
      <div class="composer">
        <textarea
          placeholder="Ask about the data or the notebook…"
          .value=${this.draft}
          @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void this.send(this.draft);
            }
          }}
          data-chat-input
        ></textarea>
        <div class="row">
          ${
            this.live
              ? html`<button @click=${() => this.controller?.abort()} data-chat-stop>Stop</button>`
              : html`<button @click=${() => void this.send(this.draft)} data-chat-send>
                  Send
                </button>`
          }
        </div>
      </div>`;
  }

  private renderPreview() {
    const lines = describeContext(
      cellSnapshots(this.cells(), this.includeOutputs),
      this.includeOutputs,
    );
    return renderPreview(lines, this.includeOutputs, (include) => (this.includeOutputs = include));
  }

  private async clear(): Promise<void> {
    if (this.notebook) await clearConversation(this.notebook).catch(() => undefined);
    this.messages = [];
    this.errors.clear();
    this.focusCell = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-chat-panel': ChatPanel;
  }
}
