/**
 * A real crash: a child process writes to the state database as fast as it can, one transaction per row, and
 * prints each id once its write resolved; it is killed with SIGKILL mid-burst. Reopened, the database must hold
 * every acknowledged row exactly once (and nothing half-written).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStateDb } from '../../server/state/db';
import { repoPath, startChild } from './child-script';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vollab-state-crash-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const child = (path: string) => `
import { openStateDb } from ${repoPath('server/state/db.ts')};
const db = await openStateDb(${JSON.stringify(path)}, { checkpointEvery: 150 });
await db.migrate('crash', ['CREATE TABLE fills (id INTEGER PRIMARY KEY, note VARCHAR)']);
console.log(JSON.stringify({ ready: true }));
for (let i = 0; ; i++) {
  await db.write(async (tx) => {
    await tx.run('INSERT INTO fills VALUES (?, ?)', [i, 'x'.repeat(200)]);
  });
  console.log(JSON.stringify({ acked: i }));
}
`;

describe('state database under SIGKILL', () => {
  it('keeps every acknowledged write exactly once', async () => {
    const path = join(dir, 'vollab.duckdb');
    const proc = startChild(child(path));
    expect(await proc.next()).toEqual({ ready: true });
    let acked = -1;
    while (acked < 400) acked = ((await proc.next()) as { acked: number }).acked;
    proc.proc.kill('SIGKILL');
    // Lines already printed before the kill are acknowledged too.
    for (;;) {
      try {
        acked = ((await proc.next()) as { acked: number }).acked;
      } catch {
        break;
      }
    }
    expect(await proc.exited).toBe('SIGKILL');
    const db = await openStateDb(path);
    const [row] = await db.read(
      'SELECT count(*)::INTEGER AS n, count(DISTINCT id)::INTEGER AS d, max(id) AS hi, min(id) AS lo FROM fills',
    );
    await db.close();
    expect(row!.lo).toBe(0);
    expect(row!.n).toBe(row!.d);
    expect(row!.hi as number).toBeGreaterThanOrEqual(acked);
    expect(row!.n).toBe((row!.hi as number) + 1);
  }, 60_000);
});
