// The library's doc index, generated at build time by server/library-docs/vite-plugin.ts.
declare module 'virtual:vol-docs' {
  import type { DocIndex } from '../library-docs/doc-index';

  export const docIndex: DocIndex;
}
