/**
 * Two processes, each with its own notebook store on one folder (as two sidecars would be), save the same
 * notebook from the same ETag at the same moment. The compare-and-swap must hold across processes: in every
 * round exactly one save lands (200) and the other is a conflict (409) with its text kept in `.conflicts/`.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentEtag } from '../../server/http/etag';
import { repoPath, startChild, type ChildScript } from './child-script';

const ROUNDS = 20;
/** Large texts widen the window between a save's read and its write, where a lost update happens. */
const PADDING = 'x'.repeat(400_000);

const saver = (dir: string) => `
import { createInterface } from 'node:readline';
import { createNotebookStore } from ${repoPath('server/notebooks/store.ts')};
const store = createNotebookStore(${JSON.stringify(dir)});
console.log(JSON.stringify({ ready: process.pid }));
for await (const line of createInterface({ input: process.stdin })) {
  const { text, etag } = JSON.parse(line);
  const result = await store.save('race.md', text, etag).catch((e) => ({ status: 'error: ' + e.message }));
  console.log(JSON.stringify({ status: result.status }));
}
`;

describe('notebook saves from two processes', () => {
  let dir: string;
  let children: ChildScript[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vollab-two-'));
    await writeFile(join(dir, 'race.md'), `# Race\n${PADDING}\n`);
    children = [startChild(saver(dir)), startChild(saver(dir))];
    await Promise.all(children.map((c) => c.next()));
  });
  afterAll(async () => {
    for (const child of children) child.proc.kill();
    await Promise.all(children.map((c) => c.exited));
    await rm(dir, { recursive: true, force: true });
  });

  it('lets exactly one of two saves from the same ETag land, in every round', async () => {
    const rounds: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const current = await readFile(join(dir, 'race.md'), 'utf8');
      const etag = contentEtag(current);
      const texts = children.map((_, k) => `# Race\nround ${round} by ${k}\n${PADDING}\n`);
      children.forEach((child, k) => child.send({ text: texts[k], etag }));
      const answers = (await Promise.all(children.map((c) => c.next()))) as { status: string }[];
      const statuses = answers.map((a) => a.status).sort();
      rounds.push(statuses.join(' + '));
      const winner = answers.findIndex((a) => a.status === 'saved');
      if (winner >= 0) expect(await readFile(join(dir, 'race.md'), 'utf8')).toBe(texts[winner]);
    }
    expect(rounds).toEqual(Array.from({ length: ROUNDS }, () => 'conflict + saved'));
    expect(await readdir(join(dir, '.conflicts'))).toHaveLength(ROUNDS);
  });
});
