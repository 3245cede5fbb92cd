/**
 * A real crash: a child process saving a large notebook over and over is killed with SIGKILL while a save's
 * temp file is on disk. The notebook must read back as one whole version, and the next store to mutate the
 * folder removes the killed save's temp file.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentEtag } from '../../server/http/etag';
import { createNotebookStore } from '../../server/notebooks/store';
import { TEMP_FILE } from '../../server/notebooks/tidy';
import { useTempDir } from '../server/temp-dir';
import { repoPath, startChild } from './child-script';

const PADDING = 'y'.repeat(4_000_000);
const version = (n: number) => `# v${n}\n${PADDING}\n`;

describe('notebook saves under SIGKILL', () => {
  const dir = useTempDir('vollab-nb-crash-', 'all');

  it('leaves a whole notebook and the next mutation removes the temp file', async () => {
    await writeFile(join(dir(), 'big.md'), version(0));
    const child = startChild(`
import { readFile } from 'node:fs/promises';
import { createNotebookStore } from ${repoPath('server/notebooks/store.ts')};
import { contentEtag } from ${repoPath('server/http/etag.ts')};
const store = createNotebookStore(${JSON.stringify(dir())});
const padding = 'y'.repeat(4_000_000);
for (let n = 1; ; n++) {
  const current = await readFile(${JSON.stringify(join(dir(), 'big.md'))}, 'utf8');
  await store.save('big.md', '# v' + n + '\\n' + padding + '\\n', contentEtag(current));
}
`);
    const deadline = Date.now() + 30_000;
    let killedMidWrite = false;
    while (Date.now() < deadline && child.proc.exitCode === null) {
      if ((await readdir(dir())).some((n) => TEMP_FILE.test(n))) {
        child.proc.kill('SIGKILL');
        killedMidWrite = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(await child.exited).toBe('SIGKILL');
    expect(killedMidWrite).toBe(true);
    const text = await readFile(join(dir(), 'big.md'), 'utf8');
    const n = Number(/^# v(\d+)\n/.exec(text)?.[1]);
    expect(text).toBe(version(n));
    expect((await readdir(dir())).filter((name) => TEMP_FILE.test(name))).not.toEqual([]);

    const store = createNotebookStore(dir());
    await store.save('big.md', version(n + 1), contentEtag(text));
    expect((await readdir(dir())).sort()).toEqual(['big.md']);
    expect(await readFile(join(dir(), 'big.md'), 'utf8')).toBe(version(n + 1));
  });
});
