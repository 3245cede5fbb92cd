import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own ESLint config decides these; `npm run lint` applies the same rules to every file.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((message) => message.ruleId ?? message.message);
}

describe('the wire contract boundary', () => {
  it('refuses a web/ import of server code other than the contract', async () => {
    const code =
      "import type { ModelStore } from '../../server/models/store';\nexport type S = ModelStore;\n";
    expect(await ruleIds(code, 'web/api/example.ts')).toEqual(['no-restricted-imports']);
  });

  it('refuses a web/ import of the server folder itself', async () => {
    const code = "import type { X } from '../../server';\nexport type S = X;\n";
    expect(await ruleIds(code, 'web/api/example.ts')).toEqual(['no-restricted-imports']);
  });

  it('lets web/ import the contract, as a folder or one of its files', async () => {
    const code = [
      "import type { DatasetCatalog } from '../../server/contract';",
      "import type { ModelSummary } from '../../server/contract/models';",
      'export type S = [DatasetCatalog, ModelSummary];',
      '',
    ].join('\n');
    expect(await ruleIds(code, 'web/api/example.ts')).toEqual([]);
  });

  it('keeps the contract free of values and of imports from outside it', async () => {
    const code = [
      "import type { X } from '../http/errors';",
      "import { y } from './catalog';",
      'export const z = y;',
      'export type W = X;',
      '',
    ].join('\n');
    expect(await ruleIds(code, 'server/contract/example.ts')).toEqual([
      'no-restricted-imports',
      'no-restricted-syntax',
      'no-restricted-syntax',
    ]);
  });
});
