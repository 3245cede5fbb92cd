/**
 * `<vol-cell-editor>`: a CodeMirror 6 editor for one cell.
 *
 * @fires change - `{detail: {source}}` on every edit.
 * @fires run - Shift+Enter (or Mod+Enter): run this cell.
 * @fires save - Mod+S: save the notebook.
 */
import { autocompletion, closeBrackets } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CompletionProvider } from '../editor/completion/completion-provider';
import { languageExtension, type EditorLanguage } from './editor-languages';

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
    .cm-scroller {
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

  private view: EditorView | null = null;
  // The language arrives after the editor is shown (`editor-languages.ts`): plain text until then.
  private readonly languageSlot = new Compartment();

  override firstUpdated(): void {
    this.createView();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moving a cell re-parents its element: the editor destroyed on disconnect is built again.
    if (this.hasUpdated && !this.view) this.createView();
  }

  private createView(): void {
    const emit = (type: string): boolean => {
      this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
      return true;
    };
    const view = new EditorView({
      parent: this.renderRoot as ShadowRoot,
      root: this.renderRoot as ShadowRoot,
      state: EditorState.create({
        doc: this.source,
        extensions: [
          keymap.of([
            { key: 'Shift-Enter', run: () => emit('run') },
            { key: 'Mod-Enter', run: () => emit('run') },
            { key: 'Mod-s', run: () => emit('save'), preventDefault: true },
          ]),
          lineNumbers(),
          history(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          autocompletion(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          this.languageSlot.of([]),
          placeholder(this.language === 'sql' ? 'SELECT …' : ''),
          EditorState.readOnly.of(this.readonly),
          EditorView.lineWrapping,
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            this.source = update.state.doc.toString();
            this.dispatchEvent(
              new CustomEvent('change', {
                detail: { source: this.source },
                bubbles: true,
                composed: true,
              }),
            );
          }),
        ],
      }),
    });
    this.view = view;
    // A language that fails to load (a chunk lost to a redeploy) leaves the editor as plain text.
    languageExtension(this.language, () => this.completion).then(
      (extension) => {
        if (this.view === view)
          view.dispatch({ effects: this.languageSlot.reconfigure(extension) });
      },
      () => undefined,
    );
  }

  override updated(changed: Map<string, unknown>): void {
    // An outside change of `source` (reload, conflict resolution) replaces the document.
    if (changed.has('source') && this.view && this.view.state.doc.toString() !== this.source) {
      this.view.dispatch({
        changes: { from: 0, to: this.view.state.doc.length, insert: this.source },
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.view?.destroy();
    this.view = null;
  }

  override focus(): void {
    this.view?.focus();
  }

  override render() {
    return html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-cell-editor': CellEditor;
  }
}
