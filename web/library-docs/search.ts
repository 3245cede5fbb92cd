/** The `/docs` search: which namespaces and functions match what the reader typed. Pure. */
import type { DocIndex, DocNamespace } from './doc-index';

/**
 * Case-insensitive substring match on the qualified name (`vol.series.logReturns`): a namespace whose
 * name matches keeps all its entries; otherwise it keeps the matching ones, and goes if none match.
 * @example
 * searchDocs(index, 'logret'); // [{name: 'series', entries: [logReturns]}]
 */
export function searchDocs(index: DocIndex, query: string): DocNamespace[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return index.namespaces;
  const found: DocNamespace[] = [];
  for (const namespace of index.namespaces) {
    if (`vol.${namespace.name}`.toLowerCase().includes(needle)) {
      found.push(namespace);
      continue;
    }
    const entries = namespace.entries.filter((e) =>
      `vol.${namespace.name}.${e.name}`.toLowerCase().includes(needle),
    );
    if (entries.length > 0) found.push({ ...namespace, entries });
  }
  return found;
}
