/**
 * `<vol-cell-editor>`: a CodeMirror 6 editor for one cell. CodeMirror is its own chunk, and each editor is built
 * when the page is idle after the first notebook has settled (or at once when the user reaches for it): on a
 * first visit the cells' answers come first, and the source shows as plain text meanwhile.
 *
 * @fires change - `{detail: {source}}` on every edit.
 * @fires run - Shift+Enter (or Mod+Enter): run this cell.
 * @fires save - Mod+S: save the notebook.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CompletionProvider } from '../editor/completion/completion-provider';
import type { CodeEditor } from './code-editor-view';
import type { EditorLanguage } from './editor-languages';
import { afterFirstNotebook } from '../runtime/page-events';
import { whenIdle } from './idle-queue';

export type { EditorLanguage };

@customElement('vol-cell-editor')
export class CellEditor extends LitElement {
  static override styles = css`
    :host {
      display: block;
      border: 1px solid var(--vol-border);
      border-radius: 4px;
      background: var(--vol-surface);
      font-size: 13px;
    }
    .cm-editor {
      max-height: 480px;
    }
    .cm-editor.cm-focused {
      outline: 2px solid var(--vol-accent);
    }
    .vol-doc-info {
      max-width: 480px;
      font-size: 12px;
    }
    .vol-doc-info .signature {
      display: block;
      font-weight: 600;
    }
    .vol-doc-info p {
      margin: 4px 0;
      white-space: pre-wrap;
    }
    .vol-doc-info pre {
      margin: 4px 0 0;
      white-space: pre-wrap;
      color: var(--vol-fg-muted);
    }
    pre.source {
      margin: 0;
      padding: 4px 6px 4px 34px;
      white-space: pre-wrap;
      line-height: 1.4;
      cursor: text;
    }
    .cm-scroller,
    pre.source {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    /* CodeMirror's base theme is light-only: follow the workbench theme (':host' outranks its selectors). */
    :host .cm-editor .cm-gutters {
      background: var(--vol-surface-subtle);
      color: var(--vol-fg-muted);
      border-right-color: var(--vol-border);
    }
    :host .cm-editor .cm-activeLineGutter {
      background: var(--vol-border-muted);
    }
    :host .cm-editor .cm-cursor {
      border-left-color: var(--vol-fg);
    }
    :host .cm-editor > .cm-scroller > .cm-selectionLayer .cm-selectionBackground,
    :host .cm-editor.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground {
      background: var(--vol-selection);
    }
  `;

  @property() language: EditorLanguage = 'js';
  @property() source = '';
  @property({ type: Boolean }) readonly = false;
  /** The notebook's names and datasets, for completion (the library and the builtins need nothing). */
  @property({ attribute: false }) completion: CompletionProvider | null = null;

  @state() private editor: CodeEditor | null = null;
  private building = false;
  private cancelBuild: (() => void) | null = null;
  private focusWhenBuilt = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Moving a cell re-parents its element: the editor destroyed on disconnect is built again.
    if (!this.editor) this.cancelBuild ??= this.buildLater();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelBuild?.();
    this.cancelBuild = null;
    this.editor?.destroy();
    this.editor = null;
  }

  /** After the page's first notebook has settled, in an idle period; returns a cancel function. */
  private buildLater(): () => void {
    let cancelIdle: (() => void) | null = null;
    const cancelWait = afterFirstNotebook(() => (cancelIdle = whenIdle(() => this.build())));
    return () => {
      cancelWait();
      cancelIdle?.();
    };
  }

  private build(): void {
    this.cancelBuild = null;
    if (this.editor || this.building || !this.isConnected) return;
    this.building = true;
    Promise.all([import('./code-editor-view'), this.updateComplete])
      .then(([{ createCodeEditor }]) => {
        const host = this.renderRoot.querySelector<HTMLElement>('.cm-host');
        if (!this.isConnected || this.editor || !host) return;
        this.editor = createCodeEditor({
          parent: host,
          root: this.renderRoot as ShadowRoot,
          language: this.language,
          source: this.source,
          readonly: this.readonly,
          completion: () => this.completion,
          emit: (type) =>
            this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true })),
          changed: (source) => {
            this.source = source;
            this.dispatchEvent(
              new CustomEvent('change', { detail: { source }, bubbles: true, composed: true }),
            );
          },
        });
        if (this.focusWhenBuilt) this.editor.focus();
      })
      // A chunk lost to a redeploy leaves the source as read-only text; the next connect tries again.
      .catch(() => undefined)
      .finally(() => (this.building = false));
  }

  /** The user reaches for the code before it is an editor: build it now. */
  private buildNow(): void {
    this.cancelBuild?.();
    this.focusWhenBuilt = true;
    this.build();
  }

  override updated(changed: Map<string, unknown>): void {
    // An outside change of `source` (reload, conflict resolution) replaces the document.
    if (changed.has('source') && this.editor && this.editor.source() !== this.source) {
      this.editor.replaceSource(this.source);
    }
  }

  override focus(): void {
    if (this.editor) this.editor.focus();
    else this.buildNow();
  }

  override render() {
    // CodeMirror lives in its own element: Lit clears only the plain-text part it renders before it.
    return html`${
        this.editor
          ? nothing
          : html`<pre class="source" @pointerdown=${() => this.buildNow()}>${this.source}</pre>`
      }
      <div class="cm-host"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-cell-editor': CellEditor;
  }
}
