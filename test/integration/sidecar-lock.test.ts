/**
 * One sidecar per notebooks folder: a second start on the same folder is refused with a message naming the
 * folder and the running process; a holder killed with SIGKILL leaves a lock file that the next start takes
 * over (its pid is dead).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/main';
import { claimFolders, SIDECAR_LOCK } from '../../server/util/sidecar-lock';
import { createFixture, type Fixture } from '../server/routes/fixtures';
import { repoPath, startChild } from './child-script';

describe('one sidecar per notebooks folder', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture({ rows: 10 });
  });
  afterAll(() => fx.cleanup());

  it('refuses a second sidecar on the same folder until the first stops', async () => {
    const config = { ...fx.config, port: 0, simulatedExchange: false };
    const first = await startServer(config);
    try {
      await expect(startServer(config)).rejects.toThrow(
        `Another Vol Lab (pid ${process.pid}) is already using the notebooks folder (VOLLAB_NOTEBOOKS_DIR) ${fx.config.notebooksDir}`,
      );
      // The first one still serves.
      const auth = { headers: { Authorization: `Bearer ${first.token}` } };
      expect((await fetch(new URL('api/notebooks', first.url), auth)).status).toBe(200);
    } finally {
      await first.close();
    }
    const second = await startServer(config);
    await second.close();
  });

  it('takes over the lock of a sidecar killed with SIGKILL, not of a live one', async () => {
    const dir = fx.config.notebooksDir;
    const child = startChild(`
import { claimFolders } from ${repoPath('server/util/sidecar-lock.ts')};
await claimFolders({ 'notebooks folder': ${JSON.stringify(dir)} });
console.log(JSON.stringify({ claimed: process.pid }));
setInterval(() => {}, 1000);
`);
    const { claimed } = (await child.next()) as { claimed: number };
    expect(JSON.parse(await readFile(join(dir, SIDECAR_LOCK), 'utf8'))).toMatchObject({
      pid: claimed,
    });
    await expect(claimFolders({ 'notebooks folder': dir })).rejects.toThrow(
      `Another Vol Lab (pid ${claimed}) is already using the notebooks folder`,
    );
    child.proc.kill('SIGKILL');
    expect(await child.exited).toBe('SIGKILL');
    const claim = await claimFolders({ 'notebooks folder': dir });
    expect(JSON.parse(await readFile(join(dir, SIDECAR_LOCK), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
    await claim.release();
  });
});
