/**
 * The doc index, fetched once on first need (its own chunk: a notebook's cold open does not wait for it).
 */
import type { DocEntry, DocIndex } from './doc-index';

let loading: Promise<DocIndex> | null = null;

/**
 * @example
 * const { namespaces } = await loadDocIndex();
 */
export function loadDocIndex(): Promise<DocIndex> {
  loading ??= import('virtual:vol-docs').then(
    (module) => module.docIndex,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** A function's (or value's) qualified name, also its anchor on `/docs`: `vol.series.logReturns`. */
export function qualifiedName(namespace: string, entry?: DocEntry): string {
  return entry ? `vol.${namespace}.${entry.name}` : `vol.${namespace}`;
}

/** The first sentence of a doc text, for one-line summaries. */
export function summary(doc: string): string {
  const paragraph = doc.split(/\n\s*\n/)[0] ?? '';
  const flat = paragraph.replace(/\s+/g, ' ').trim();
  const end = /[.:](\s|$)/.exec(flat);
  return end ? flat.slice(0, end.index + 1) : flat;
}
