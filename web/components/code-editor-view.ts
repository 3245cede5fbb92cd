/**
 * The CodeMirror 6 view behind `<vol-cell-editor>`, in its own chunk: a notebook's first visit runs its cells
 * without it (the editors show their source as plain text until this arrives, see `cell-editor.ts`).
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
import type { CompletionProvider } from '../editor/completion/completion-provider';
import { languageExtension, type EditorLanguage } from './editor-languages';

export interface CodeEditorOptions {
  /** The element the editor is appended to, inside `root`. */
  parent: HTMLElement;
  root: ShadowRoot;
  language: EditorLanguage;
  source: string;
  readonly: boolean;
  completion: () => CompletionProvider | null;
  /** A key binding's event (`run`, `save`) or `change` with the new source. */
  emit(type: 'run' | 'save'): void;
  changed(source: string): void;
}

export interface CodeEditor {
  source(): string;
  replaceSource(source: string): void;
  focus(): void;
  destroy(): void;
}

/**
 * @example
 * const editor = createCodeEditor({ parent, root, language: 'sql', source: 'SELECT 1', readonly: false, ... });
 */
export function createCodeEditor(options: CodeEditorOptions): CodeEditor {
  const emit = (type: 'run' | 'save'): boolean => {
    options.emit(type);
    return true;
  };
  // The language arrives after the editor is shown (`editor-languages.ts`): plain text until then.
  const languageSlot = new Compartment();
  const view = new EditorView({
    parent: options.parent,
    root: options.root,
    state: EditorState.create({
      doc: options.source,
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
        languageSlot.of([]),
        placeholder(options.language === 'sql' ? 'SELECT …' : ''),
        EditorState.readOnly.of(options.readonly),
        EditorView.lineWrapping,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.changed(update.state.doc.toString());
        }),
      ],
    }),
  });
  let destroyed = false;
  // A language that fails to load (a chunk lost to a redeploy) leaves the editor as plain text.
  languageExtension(options.language, options.completion).then(
    (extension) => {
      if (!destroyed) view.dispatch({ effects: languageSlot.reconfigure(extension) });
    },
    () => undefined,
  );
  return {
    source: () => view.state.doc.toString(),
    replaceSource: (source) =>
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: source } }),
    focus: () => view.focus(),
    destroy: () => {
      destroyed = true;
      view.destroy();
    },
  };
}
