import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// cells/ is pure by construction: its own TypeScript project (cells/tsconfig.json) has no DOM and no Node types.
// These cases compile one virtual file inside cells/ with that project's options, as `npm run typecheck` does.
const configPath = fileURLToPath(new URL('../../cells/tsconfig.json', import.meta.url));
const parsed = ts.getParsedCommandLineOfConfigFile(
  configPath,
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  },
)!;
const virtualFile = fileURLToPath(new URL('../../cells/stats/purity-probe.ts', import.meta.url));

function diagnostics(source: string): string[] {
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, ...rest) =>
    fileName === virtualFile
      ? ts.createSourceFile(fileName, source, language)
      : getSourceFile(fileName, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => fileName === virtualFile || fileExists(fileName);
  const program = ts.createProgram([virtualFile], parsed.options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('cells/ TypeScript project', () => {
  it('has no DOM and no Node types', () => {
    expect(parsed.options.lib).toEqual(['lib.es2023.d.ts']);
    expect(parsed.options.types).toEqual([]);
  });

  it('rejects the DOM', () => {
    expect(diagnostics('export const body = document.body;\n').join('\n')).toMatch(
      /Cannot find name 'document'/,
    );
  });

  it('rejects Node modules and globals', () => {
    const errors = diagnostics(
      "import { readFileSync } from 'node:fs';\nexport const read = [readFileSync, Buffer];\n",
    ).join('\n');
    expect(errors).toMatch(/Cannot find module 'node:fs'/);
    expect(errors).toMatch(/Cannot find name 'Buffer'/);
  });

  it('accepts pure code using the library, including cancellation', () => {
    const source = [
      "import { throwIfAborted, type CancelSignal } from './abort';",
      "import { mean } from './moments';",
      'export const check = (signal: CancelSignal): number => (throwIfAborted(signal), mean([1, 2]));',
      '',
    ].join('\n');
    expect(diagnostics(source)).toEqual([]);
  });
});
