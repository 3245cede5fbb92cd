/**
 * The analytics library's reference, as `virtual:vol-docs` gives it to the editor's completion and the `/docs`
 * page: generated at build time from the TypeScript sources of `cells/` (server/library-docs/extract.ts).
 * Types only: nothing here runs.
 */

/** What an exported name is: a function (also a `const f = () => …`), a class or another value. */
export type DocKind = 'function' | 'class' | 'const';

export interface DocEntry {
  /** The exported name, e.g. `logReturns`. */
  name: string;
  kind: DocKind;
  /**
   * Each call signature as written in the source (an overloaded function has several), parameter defaults
   * dropped: `(prices: NumericLike): Float64Array`. A class gives its constructor's, a plain const its type
   * (`: number`).
   */
  signatures: string[];
  /** The doc comment's text without its tags (Markdown-ish prose), or '' when there is none. */
  doc: string;
  /** The source of each `@example` block, verbatim. */
  examples: string[];
  /** The source file, relative to the repository root, e.g. `cells/series/returns.ts`. */
  file: string;
}

export interface DocNamespace {
  /** The namespace under `vol`, e.g. `series`. */
  name: string;
  /** The namespace module's header comment (prose, tags removed). */
  doc: string;
  examples: string[];
  file: string;
  /** Exported values (types are left out), sorted by name. */
  entries: DocEntry[];
}

export interface DocIndex {
  namespaces: DocNamespace[];
}
