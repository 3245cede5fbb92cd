import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { wasmBytes } from '../../../cells/cluster/dtw-lanes-wasm';
import { assembleWat, bytesModule, wasmSources } from '../../tools/assemble-wat';

describe('committed wasm kernels', () => {
  it('are their .wat sources assembled (run `npm run build:wasm` after editing one)', async () => {
    const [dtw] = wasmSources;
    const bytes = await assembleWat(dtw.wat);
    expect(Array.from(wasmBytes())).toEqual(Array.from(bytes));
    // The whole generated file, not only the bytes, so a hand edit of it fails too.
    const committed = await readFile(
      fileURLToPath(new URL(`../../../${dtw.module}`, import.meta.url)),
      'utf8',
    );
    expect(committed).toBe(bytesModule(dtw.wat, bytes));
  });

  it('hold a valid SIMD module exporting the band kernel and its memory', () => {
    const module = new WebAssembly.Module(wasmBytes());
    expect(WebAssembly.Module.exports(module)).toEqual([
      { name: 'memory', kind: 'memory' },
      { name: 'band', kind: 'function' },
    ]);
  });
});
