/**
 * The cell editor's languages, each loaded on first use: a notebook's first paint needs CodeMirror's core only,
 * and a language's parser and completion arrive (as their own chunk) when the first editor of that kind opens.
 */
import type { Extension } from '@codemirror/state';
import type { CompletionProvider } from '../editor/completion/completion-provider';

export type EditorLanguage = 'js' | 'sql' | 'md' | 'code';

/**
 * The CodeMirror extensions for `language`, with completion from `provider` for JavaScript and SQL.
 *
 * @example
 * view.dispatch({ effects: compartment.reconfigure(await languageExtension('sql', () => null)) });
 */
export async function languageExtension(
  language: EditorLanguage,
  provider: () => CompletionProvider | null,
): Promise<Extension> {
  switch (language) {
    case 'js': {
      const [{ javascript, javascriptLanguage }, { jsCompletionSource }] = await Promise.all([
        import('@codemirror/lang-javascript'),
        import('../editor/completion/js-completion'),
      ]);
      return [
        javascript(),
        javascriptLanguage.data.of({ autocomplete: jsCompletionSource(provider) }),
      ];
    }
    case 'sql': {
      const [{ sql }, { sqlCompletionSource }] = await Promise.all([
        import('@codemirror/lang-sql'),
        import('../editor/completion/sql-completion'),
      ]);
      const support = sql();
      return [support, support.language.data.of({ autocomplete: sqlCompletionSource(provider) })];
    }
    case 'md':
      return (await import('@codemirror/lang-markdown')).markdown();
    case 'code':
      return [];
  }
}
