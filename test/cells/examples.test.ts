/**
 * Every `@example` in `cells/` runs, so the examples in the docs, the completion panel and `/docs` cannot rot.
 * The convention an example follows (self-contained; `// → value` asserts) is in ./support/run-example.ts.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as vol from '../../cells/index';
import { collectExamples } from '../../server/library-docs/examples';
import { setupTf } from './forecast/tf-setup';
import { runExample } from './support/run-example';

const root = resolve(import.meta.dirname, '../..');
const cellsDir = join(root, 'cells');
const files = (readdirSync(cellsDir, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .map((f) => join(cellsDir, f));
const examples = collectExamples(files).map((e) => ({
  ...e,
  title: `${e.name} (${relative(root, e.file)}:${e.line})`,
}));

describe('the @example blocks of cells/', () => {
  it('are found in every namespace', () => {
    const namespaces = new Set(examples.map((e) => relative(cellsDir, e.file).split('/')[0]));
    for (const namespace of Object.keys(vol)) {
      expect(namespaces.has(namespace) || namespaces.has(`${namespace}.ts`), namespace).toBe(true);
    }
  });

  it.each(examples)('$title runs', async ({ file, code }) => {
    const own = (await import(file)) as Record<string, unknown>;
    // tfjs only for the examples that use it, as a notebook loads it only when a cell reads `tf`.
    const tf = /\btf\b/.test(code) ? { tf: await setupTf('cpu') } : {};
    await runExample(code, { ...own, vol, ...tf });
  });
});

describe('the example runner', () => {
  it('checks `// →` lines to 4 significant digits and reports the line', async () => {
    await runExample('const x = 2;\nx / 3; // → 0.6667: two thirds', {});
    await runExample('[1, NaN]; // → [1, NaN]\n({ a: 1, b: 2 }); // → { a: 1 }', {});
    await expect(runExample('const x = 2;\nx / 3; // → 0.67', {})).rejects.toThrow(
      'line 2: got 0.6666666666666666, expected 0.67',
    );
    await expect(runExample('Float64Array.of(1, 2); // → [1]', {})).rejects.toThrow('line 1');
  });

  it('fails on a name the example does not define', async () => {
    await expect(runExample('logReturns(daily)', { logReturns: () => 0 })).rejects.toThrow(
      'daily is not defined',
    );
  });
});
