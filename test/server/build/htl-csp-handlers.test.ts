/**
 * The htl rewrite behind the clean-console e2e test (test/e2e/clean-console.test.ts): applied to both installed
 * htl copies, no `on…` placeholder attribute is ever parsed, and it refuses to build quietly past an htl that changed.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htlCspHandlers, cspSafeHtlSource } from '../../../server/build/htl-csp-handlers';

const modules = resolve(import.meta.dirname, '../../../node_modules');
const htlPath = resolve(modules, 'htl/dist/index.js');
const inputsHtlPath = resolve(modules, '@observablehq/inputs/node_modules/htl/src/index.js');

describe('htl with inert templates', () => {
  it('parses handler placeholders under a data- name and restores the name for the swap', async () => {
    for (const path of [htlPath, inputsHtlPath]) {
      const out = cspSafeHtlSource(await readFile(path, 'utf8'));
      expect(out).not.toContain('.innerHTML = string;');
      expect(out).not.toContain('[name] = value;');
      // The rewritten parse renames exactly the handler placeholders, and the swap restores the name.
      const rename = /string\.replace\((\/.*\/gi), "\$1data-htl-\$2"\)/.exec(out)![1]!;
      const pattern = new Function(`return ${rename}`)() as RegExp;
      expect(
        '<th onclick="::3" title=x><input oninput=::12 data-on="::1">'.replace(
          pattern,
          '$1data-htl-$2',
        ),
      ).toBe('<th data-htl-onclick="::3" title=x><input data-htl-oninput=::12 data-on="::1">');
      expect(out).toContain('[name.replace(/^data-htl-/, "")] = value;');
    }
  });

  it('transforms only htl and fails loudly on an htl it does not recognise', () => {
    const plugin = htlCspHandlers();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    const code = 't.innerHTML = string; e[name] = value;';
    expect(transform(code, '/x/src/a.js')).toBeNull();
    expect(transform(code, '/r/node_modules/htl/dist/index.js')!.code).toContain('data-htl-');
    // Observable Inputs ships its own htl (0.3): that copy is rewritten too.
    const nested = '/r/node_modules/@observablehq/inputs/node_modules/htl/src/index.js';
    expect(transform(code, nested)!.code).toContain('[name.replace(/^data-htl-/, "")] = value;');
    expect(() => cspSafeHtlSource('function renderHtml() {}')).toThrow(/re-check the CSP fix/);
  });
});
