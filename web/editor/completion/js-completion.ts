/**
 * Completion for JS cells: `vol.` → namespaces, `vol.<ns>.` → functions with signatures and docs (from the
 * doc index, loaded on first use), and at the top level the builtins and the names the notebook declares.
 */
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import { loadDocIndex } from '../../library-docs/load';
import { BUILTIN_NAMES } from './builtin-names';
import type { CompletionProvider } from './completion-provider';
import { docInfo } from './doc-info';
import { volOptions } from './vol-options';

const NOT_CODE = new Set(['String', 'TemplateString', 'LineComment', 'BlockComment']);
const IDENTIFIER = /^[\w$]*$/;

/**
 * @example
 * javascriptLanguage.data.of({ autocomplete: jsCompletionSource(() => provider) });
 */
export function jsCompletionSource(provider: () => CompletionProvider | null) {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    if (NOT_CODE.has(syntaxTree(context.state).resolveInner(context.pos, -1).name)) return null;
    const match = context.matchBefore(/(?:[\w$]+\s*\.\s*)*[\w$]*/);
    if (!match || (match.from === match.to && !context.explicit)) return null;
    // A member of something else (`x.foo`): not ours.
    if (match.from > 0 && context.state.sliceDoc(match.from - 1, match.from) === '.') return null;
    const path = match.text.split('.').map((part) => part.trim());
    const last = path[path.length - 1]!;
    const from = match.to - last.length;
    if (path.length === 1) return { from, options: topLevel(provider()), validFor: IDENTIFIER };
    const options = volOptions(await loadDocIndex(), path);
    if (!options) return null;
    return {
      from,
      validFor: IDENTIFIER,
      options: options.map((option): Completion => ({
        label: option.label,
        type: option.type,
        detail: option.detail,
        info: () => docInfo(option),
      })),
    };
  };
}

function topLevel(provider: CompletionProvider | null): Completion[] {
  const builtins = BUILTIN_NAMES.map((b): Completion => ({
    label: b.name,
    type: 'variable',
    detail: b.detail,
    boost: 1,
  }));
  const declared = (provider?.declaredNames() ?? []).map((name): Completion => ({
    label: name,
    type: 'variable',
    detail: 'cell',
    boost: 2,
  }));
  return [...declared, ...builtins];
}
