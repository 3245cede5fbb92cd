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
