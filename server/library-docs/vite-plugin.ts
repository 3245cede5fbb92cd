/**
 * `virtual:vol-docs`: the library's doc index as a module, generated from `cells/` when the build (or the dev
 * server) first imports it. The workbench imports it dynamically, so it is its own chunk, fetched when an
 * editor first asks for completions or `/docs` opens, never on a notebook's cold open.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { extractDocIndex } from './extract.ts';

const ID = 'virtual:vol-docs';
const RESOLVED = `\0${ID}`;

/**
 * @param root - the repository root, holding `cells/`.
 * @example
 * defineConfig({ plugins: [volDocs(repositoryRoot)] });
 */
export function volDocs(root: string): Plugin {
  const cellsDir = join(root, 'cells');
  return {
    name: 'vol-docs',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const index = extractDocIndex(join(cellsDir, 'index.ts'), root);
      // Rebuild (and in dev, reload) when a library source changes.
      for (const file of index.namespaces.flatMap((n) => [n.file, ...n.entries.map((e) => e.file)]))
        this.addWatchFile(join(root, file));
      return `export const docIndex = JSON.parse(${JSON.stringify(JSON.stringify(index))});`;
    },
  };
}
