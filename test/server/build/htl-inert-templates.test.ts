/**
 * The htl rewrite behind the clean-console e2e test (test/e2e/clean-console.test.ts): applied to the installed
 * htl, it leaves templates in their inert document, and it refuses to build quietly past an htl that changed.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htlInertTemplates, inertTemplateSource } from '../../../server/build/htl-inert-templates';

const htlPath = resolve(import.meta.dirname, '../../../node_modules/htl/dist/index.js');

describe('htl with inert templates', () => {
  it('renders from the template content instead of importing it into the page', async () => {
    const code = await readFile(htlPath, 'utf8');
    const out = inertTemplateSource(code);
    expect(out).not.toContain('document.importNode(template.content, true)');
    expect(out).toContain('return template.content;');
  });

  it('transforms only htl and fails loudly on an htl it does not recognise', () => {
    const plugin = htlInertTemplates();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    expect(
      transform('return document.importNode(template.content, true);', '/x/src/a.js'),
    ).toBeNull();
    expect(
      transform(
        'return document.importNode(template.content, true);',
        '/r/node_modules/htl/dist/index.js',
      )!.code,
    ).toBe('return template.content;');
    expect(() => inertTemplateSource('function renderHtml() {}')).toThrow(/re-check the CSP fix/);
  });
});
