/**
 * The unrolled K = 4 and K = 5 forward-backward kernels are generated: the committed files must be exactly what
 * the generator writes (run `npm run build:kernels` after changing it), so a hand edit cannot drift from it.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formattedKernelModule,
  kernelPath,
  unrolledStates,
} from '../../tools/unroll-forward-backward';

const root = resolve(import.meta.dirname, '../../..');

describe('generated forward-backward kernels', () => {
  it.each(unrolledStates)('K = %i matches the generator', async (K) => {
    const committed = await readFile(resolve(root, kernelPath(K)), 'utf8');
    expect(committed).toBe(await formattedKernelModule(K));
  });
});
