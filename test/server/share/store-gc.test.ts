import { readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShareStore, UnreadableShareError } from '../../../server/share/store';
import { createFixture, type Fixture } from '../routes/fixtures';

/** One input, one query over one slice: shares with other inputs pin the same slice, other results. */
const NOTEBOOK = `---
title: Ticks above a close
datasets: [{name: ticks, where: {currency: BTC}}]
---
\`\`\`js
const floor = view(Inputs.range([0, 500], {step: 1, value: 100, label: "Floor"}))
\`\`\`
\`\`\`sql id=above
SELECT count(*)::INT AS n FROM ticks WHERE close > \${floor}
\`\`\`
`;

let fx: Fixture;
let dir: string;
beforeEach(async () => {
  fx = await createFixture();
  dir = join(fx.root, 'share-store');
});
afterEach(() => fx.cleanup());

const blobsOnDisk = async () => (await readdir(join(dir, 'blobs'))).sort();
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Every file of the share, read back through the store. */
async function filesOf(store: ReturnType<typeof createShareStore>, id: string) {
  const manifest = (await store.manifest(id))!;
  const paths = [
    'notebook.md',
    manifest.outputs!,
    ...manifest.slices.map((s) => s.file),
    ...manifest.results.map((r) => r.file),
  ];
  return Promise.all(paths.map(async (p) => (await store.file(id, p))!));
}

describe('share store: collecting blobs no share names', () => {
  it('keeps a blob while any share names it, and removes it with the last one', async () => {
    const store = createShareStore(dir, fx.config.datasetsDir);
    const a = await store.create({ path: 'ticks.md', text: NOTEBOOK });
    const b = await store.create({ path: 'ticks.md', text: NOTEBOOK, inputs: { floor: 120 } });
    const aFiles = await filesOf(store, a.id);
    const bFiles = await filesOf(store, b.id);
    const shared = aFiles.filter((f) => bFiles.includes(f));
    // Same text and slice, other result and outputs.
    expect(shared.length).toBe(2);
    expect(await blobsOnDisk()).toHaveLength(new Set([...aFiles, ...bFiles]).size);

    expect(await store.revoke(a.id)).toBe(true);
    expect(await store.manifest(a.id)).toBeNull();
    for (const file of bFiles) expect(await exists(file)).toBe(true);
    for (const file of aFiles.filter((f) => !bFiles.includes(f)))
      expect(await exists(file)).toBe(false);

    expect(await store.revoke(b.id)).toBe(true);
    expect(await blobsOnDisk()).toEqual([]);
  });

  it('loses nothing a share names when a collection crashes half-way, and the next one finishes', async () => {
    let removals = 0;
    const crashing = createShareStore(dir, fx.config.datasetsDir, {
      removeBlob: async (path) => {
        if (++removals > 1) throw new Error('power cut');
        await unlink(path);
      },
    });
    const kept = await crashing.create({ path: 'ticks.md', text: NOTEBOOK });
    const gone = await crashing.create({ path: 'ticks.md', text: NOTEBOOK, inputs: { floor: 7 } });
    const keptFiles = await filesOf(crashing, kept.id);
    const before = await blobsOnDisk();
    // Revoking: the record goes first, then the collection dies after one blob.
    expect(await crashing.revoke(gone.id)).toBe(true);
    const after = await blobsOnDisk();
    expect(after.length).toBe(before.length - 1);
    for (const file of keptFiles) expect(await exists(file)).toBe(true);
    // A temp file a crashed write left behind is garbage too.
    await writeFile(join(dir, 'blobs', 'abc.parquet.0123456789ab.tmp'), 'half');

    const store = createShareStore(dir, fx.config.datasetsDir);
    expect(await store.collectGarbage()).toBe(after.length + 1 - keptFiles.length);
    expect(await blobsOnDisk()).toEqual(keptFiles.map((f) => f.split('/').pop()).sort());
    const manifest = (await store.manifest(kept.id))!;
    const text = await readFile((await store.file(kept.id, manifest.notebook))!, 'utf8');
    expect(text).toBe(NOTEBOOK);
  });

  it('collects nothing while a share record cannot be read', async () => {
    const store = createShareStore(dir, fx.config.datasetsDir);
    const a = await store.create({ path: 'ticks.md', text: NOTEBOOK });
    const b = await store.create({ path: 'ticks.md', text: NOTEBOOK, inputs: { floor: 9 } });
    const before = await blobsOnDisk();
    await writeFile(join(dir, 'shares', 'AAAAAAAAAAAAAAAAAAAAAA.json'), '{"files": ');
    await rm(join(dir, 'shares', `${b.id}.json`));
    await expect(store.collectGarbage()).rejects.toThrow(UnreadableShareError);
    expect(await blobsOnDisk()).toEqual(before);
    expect(await store.manifest(a.id)).not.toBeNull();
  });

  it('keeps the blobs a share being created found stored, while the only share naming them is revoked', async () => {
    // The new share has found its blobs already stored (so writes none) but not yet written its record: a
    // collection now, outside the lock, would see no record naming them and delete them under it.
    let armed = false;
    let reached!: () => void;
    let release!: () => void;
    const atPause = new Promise<void>((r) => (reached = r));
    const paused = new Promise<void>((r) => (release = r));
    const store = createShareStore(dir, fx.config.datasetsDir, {
      beforeRecord: async () => {
        if (!armed) return;
        reached();
        await paused;
      },
    });
    const previous = await store.create({ path: 'ticks.md', text: NOTEBOOK });
    armed = true;
    const creating = store.create({ path: 'ticks.md', text: NOTEBOOK });
    await atPause;
    let revoked = false;
    const revoking = store.revoke(previous.id).then((done) => (revoked = done));
    await new Promise((r) => setTimeout(r, 100));
    expect(revoked).toBe(false); // waiting for the lock the creation holds
    release();
    const next = await creating;
    expect(await revoking).toBe(true);
    for (const file of await filesOf(store, next.id)) expect(await exists(file)).toBe(true);
  });

  it('keeps every file of shares created while the only other share naming them is revoked', async () => {
    const store = createShareStore(dir, fx.config.datasetsDir);
    // Each round revokes the only share naming the blobs while a new share of the same text reuses them.
    let previous = await store.create({ path: 'ticks.md', text: NOTEBOOK });
    for (let round = 0; round < 4; round++) {
      const [next] = await Promise.all([
        store.create({ path: 'ticks.md', text: NOTEBOOK }),
        store.revoke(previous.id),
      ]);
      for (const file of await filesOf(store, next.id)) expect(await exists(file)).toBe(true);
      previous = next;
    }
    expect((await store.list()).map((s) => s.id)).toEqual([previous.id]);
    expect(await store.collectGarbage()).toBe(0);
    expect(await blobsOnDisk()).toHaveLength((await filesOf(store, previous.id)).length);
  });
});
