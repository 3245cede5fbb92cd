/** A fresh temporary folder for each test (or for the whole file), removed afterwards. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/**
 * Register the hooks and return a getter for the current folder. Call it inside `describe`.
 *
 * @example
 * const dir = useTempDir('vollab-lock-');
 * it('writes', async () => writeFile(join(dir(), 'a'), 'x'));
 */
export function useTempDir(prefix: string, scope: 'each' | 'all' = 'each'): () => string {
  let dir = '';
  const create = async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  };
  const remove = () => rm(dir, { recursive: true, force: true });
  if (scope === 'each') {
    beforeEach(create);
    afterEach(remove);
  } else {
    beforeAll(create);
    afterAll(remove);
  }
  return () => dir;
}
