import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../../server/portfolio/group-commit';

/** A commit that records each batch and is held open until `release()`; it fails any batch holding 'bad'. */
function recordingCommit() {
  const batches: string[][] = [];
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  const hold = () => {
    gate = new Promise((r) => (release = r));
  };
  const commit = async (items: readonly string[]) => {
    batches.push([...items]);
    await gate;
    if (items.includes('bad')) throw new Error('bad item');
    return items.map((i) => i.toUpperCase());
  };
  return { batches, commit, hold, release: () => release() };
}

describe('group commit', () => {
  it('shares one commit among requests that arrive while one is in flight, answering each its own', async () => {
    const c = recordingCommit();
    const add = groupCommit(c.commit);
    c.hold();
    const first = add(['a']);
    const rest = [add(['b', 'c']), add(['d'])];
    c.release();
    expect(await first).toEqual(['A']);
    // the round in flight when they arrived was ['a']; both waited for the next one together
    expect(await Promise.all(rest)).toEqual([['B', 'C'], ['D']]);
    expect(c.batches).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('retries a failed round one request at a time: only the bad request fails', async () => {
    const c = recordingCommit();
    const add = groupCommit(c.commit);
    c.hold();
    const first = add(['a']);
    const good = add(['b']);
    const bad = add(['bad', 'c']);
    c.release();
    await first;
    expect(await good).toEqual(['B']);
    await expect(bad).rejects.toThrow('bad item');
    expect(c.batches).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad', 'c']]);
    expect(await add(['e'])).toEqual(['E']); // and the queue keeps going
  });
});
