import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStateDb } from '../../../server/state/db';
import { useTempDir } from '../temp-dir';

describe('openStateDb', () => {
  const dir = useTempDir('vollab-state-');

  it('runs each module’s migration steps once, in order, across reopenings', async () => {
    const path = join(dir(), 'sub', 'vollab.duckdb');
    const steps = [
      ['CREATE TABLE t (id INTEGER PRIMARY KEY)'],
      'ALTER TABLE t ADD COLUMN name VARCHAR',
    ];
    let db = await openStateDb(path);
    expect(await db.migrate('m', steps)).toBe(2);
    expect(await db.migrate('m', steps)).toBe(0);
    await db.write((tx) => tx.run("INSERT INTO t VALUES (1, 'a')"));
    await db.close();
    db = await openStateDb(path);
    expect(await db.migrate('m', [...steps, 'ALTER TABLE t ADD COLUMN x INTEGER'])).toBe(1);
    expect(await db.read('SELECT id, name, x FROM t')).toEqual([{ id: 1, name: 'a', x: null }]);
    await db.close();
    await expect(db.read('SELECT 1')).rejects.toThrow(/closed/);
  });

  it('a snapshot reads one committed state while writes go on beside it, and counts them', async () => {
    const db = await openStateDb(join(dir(), 'vollab.duckdb'));
    await db.migrate('m', ['CREATE TABLE t (id INTEGER)', 'CREATE TABLE u (id INTEGER)']);
    await db.write((tx) => tx.run('INSERT INTO t VALUES (1)'));
    const commits: number[] = [];
    db.onCommit(() => commits.push(db.generation));
    const seen = await db.snapshot(async (tx, generation) => {
      const before = await tx.all('SELECT count(*)::INTEGER AS n FROM t');
      // Not queued behind the snapshot: this write commits while it is open…
      await db.write(async (w) => {
        await w.run('INSERT INTO t VALUES (2)');
        await w.run('INSERT INTO u VALUES (2)');
      });
      // …and the snapshot still sees neither table's new row.
      const t = await tx.all('SELECT count(*)::INTEGER AS n FROM t');
      const u = await tx.all('SELECT count(*)::INTEGER AS n FROM u');
      return { generation, counts: [before[0]!.n, t[0]!.n, u[0]!.n] };
    });
    expect(seen).toEqual({ generation: 3, counts: [1, 1, 0] }); // two migration steps and one write
    expect(commits).toEqual([4]);
    expect(db.generation).toBe(4);
    expect(await db.read('SELECT count(*)::INTEGER AS n FROM t')).toEqual([{ n: 2 }]);
    await db.close();
    await expect(db.snapshot(async () => 1)).rejects.toThrow(/closed/);
  });

  it('rolls a failed write back whole and keeps serving', async () => {
    const db = await openStateDb(join(dir(), 'vollab.duckdb'));
    await db.migrate('m', ['CREATE TABLE t (id INTEGER PRIMARY KEY)']);
    await expect(
      db.write(async (tx) => {
        await tx.run('INSERT INTO t VALUES (1)');
        await tx.run('INSERT INTO t VALUES (1)'); // duplicate key
      }),
    ).rejects.toThrow();
    expect(await db.read('SELECT count(*)::INTEGER AS n FROM t')).toEqual([{ n: 0 }]);
    const ids = await Promise.all(
      [1, 2, 3].map((id) =>
        db.write((tx) => tx.all('INSERT INTO t VALUES (?) RETURNING id', [id])),
      ),
    );
    expect(ids.map((r) => r[0]!.id)).toEqual([1, 2, 3]);
    await db.close();
  });

  it('rolls back a migration step that fails, recording nothing', async () => {
    const db = await openStateDb(join(dir(), 'vollab.duckdb'));
    await expect(db.migrate('m', [['CREATE TABLE t (id INTEGER)', 'NOT SQL']])).rejects.toThrow();
    expect(await db.migrate('m', [['CREATE TABLE t (id INTEGER)']])).toBe(1);
    await db.close();
  });
});
