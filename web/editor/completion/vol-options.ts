/**
 * What `vol.` and `vol.<namespace>.` complete to, from the doc index. Pure: the editor turns these into
 * CodeMirror completions.
 */
import type { DocEntry, DocIndex, DocNamespace } from '../../library-docs/doc-index';
import { summary } from '../../library-docs/load';

export interface VolOption {
  label: string;
  type: 'namespace' | 'function' | 'class' | 'constant';
  /** Shown beside the label: a namespace's summary, a function's (first) signature. */
  detail: string;
  namespace: DocNamespace;
  entry?: DocEntry;
}

/**
 * The options after a dotted path typed up to the cursor, or null when the path is not into `vol`.
 * @example
 * volOptions(index, ['vol', 'se']); // the namespaces (CodeMirror filters them by the typed prefix)
 * volOptions(index, ['vol', 'series', '']); // logReturns, rollingVol, …
 */
export function volOptions(index: DocIndex, path: readonly string[]): VolOption[] | null {
  if (path[0] !== 'vol') return null;
  if (path.length === 2) {
    return index.namespaces.map((namespace) => ({
      label: namespace.name,
      type: 'namespace',
      detail: summary(namespace.doc),
      namespace,
    }));
  }
  if (path.length !== 3) return null;
  const namespace = index.namespaces.find((n) => n.name === path[1]);
  if (!namespace) return null;
  return namespace.entries.map((entry) => ({
    label: entry.name,
    type: entry.kind === 'const' ? 'constant' : entry.kind,
    detail: entry.signatures[0] ?? '',
    namespace,
    entry,
  }));
}
