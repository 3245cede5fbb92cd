import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalogReader } from '../../server/datasets/catalog-reader';
import { queryRows } from '../../server/db/duckdb';
import { buildBundle } from '../../server/export/bundle';
import { MissingDatasetError } from '../../server/export/missing-datasets';

const root = resolve(import.meta.dirname, '../..');
const datasetsDir = join(root, 'datasets');

describe('exporting the regime study', () => {
  it('pins exactly the slices the run read, with rows and hashes of the files it writes', async () => {
    const text = await readFile(join(root, 'notebooks/regime-study.md'), 'utf8');
    const bundle = await buildBundle(text, { datasetsDir });
    expect(bundle.report.ok).toBe(true);
    const catalog = await createCatalogReader(datasetsDir).read();
    expect(bundle.manifest.slices.map((s) => s.dataset).sort()).toEqual([
      'ohlcv_daily',
      'regime_labels',
    ]);
    for (const slice of bundle.manifest.slices) {
      const entry = catalog.datasets.find((d) => d.name === slice.dataset)!;
      // Unsliced in the front matter: the whole dataset, as the catalog counts it.
      expect(slice.rows).toBe(entry.rows);
      expect(slice.simulated).toBe(true);
      expect(slice.capturedAt).toBe(catalog.generatedAt);
      const bytes = bundle.files.get(slice.file)!;
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(slice.sha256);
      expect(slice.file).toBe(`data/${slice.sha256}.parquet`);
      const dir = await mkdtemp(join(tmpdir(), 'vollab-readback-'));
      await writeFile(join(dir, 'slice.parquet'), bytes);
      const [count] = await queryRows('SELECT count(*)::INT AS n FROM read_parquet(?)', [
        join(dir, 'slice.parquet'),
      ]);
      expect(count!.n).toBe(entry.rows);
      await rm(dir, { recursive: true });
    }
    // The one SQL cell (`days`) is precomputed for the default inputs.
    expect(bundle.manifest.results).toHaveLength(1);
    expect(bundle.manifest.results[0]!.params).toBe('[]');
    // Every cell's output as HTML for the default inputs, named by its content.
    const outputBytes = bundle.files.get(bundle.manifest.outputs!)!;
    expect(bundle.manifest.outputs).toBe(
      `outputs/${createHash('sha256').update(outputBytes).digest('hex')}.json`,
    );
    const outputs = JSON.parse(new TextDecoder().decode(outputBytes)) as Record<string, string>;
    expect(Object.keys(outputs).sort()).toEqual(bundle.manifest.cells.map((c) => c.id).sort());
    const fit = bundle.report.values.fit as { iterations: number };
    const chart = Object.values(outputs).find((h) => h.includes('data-chart="hmm-states"'))!;
    expect(chart).toContain('3 states');
    expect(chart).toContain('<svg');
    expect(Object.values(outputs).join('')).toContain(
      `Baum–Welch ran ${fit.iterations} iterations`,
    );
  });

  it('leaves a cell in error out of the precomputed outputs, so the reader runs it', async () => {
    const text = '```js\nconst x = 1\n```\n\n```js\nthrow new Error("boom")\n```\n';
    const bundle = await buildBundle(text, { datasetsDir });
    const outputs = JSON.parse(
      new TextDecoder().decode(bundle.files.get(bundle.manifest.outputs!)!),
    );
    expect(Object.keys(outputs)).toEqual([bundle.manifest.cells[0]!.id]);
  });

  it('exports a cell in error with its error, and says so', async () => {
    const text = '```js\nconst x = 1\n```\n\n```js\nthrow new Error("boom")\n```\n';
    const bundle = await buildBundle(text, { datasetsDir });
    expect(bundle.manifest.cells.map((c) => c.status)).toEqual(['ok', 'error']);
    expect(bundle.manifest.cells[1]!.error).toContain('boom');
  });

  it('refuses a notebook that reads a dataset not on disk, naming it', async () => {
    const text = '---\ndatasets: [no_such_data]\n---\n```sql\nSELECT * FROM no_such_data\n```\n';
    await expect(buildBundle(text, { datasetsDir })).rejects.toThrow(MissingDatasetError);
    await expect(buildBundle(text, { datasetsDir })).rejects.toThrow(/no_such_data/);
  });

  it('keeps speaker notes (comments and ```notes blocks) out of the pinned text unless asked', async () => {
    const text =
      '# A\n<!-- notes: secret plan -->\n```js\n1 + 1\n```\n\n```notes\nsecret fence\n```\n';
    const pinned = async (includeNotes: boolean) =>
      new TextDecoder().decode(
        (await buildBundle(text, { datasetsDir, includeNotes })).files.get('notebook.md'),
      );
    const without = await pinned(false);
    expect(without).toBe('# A\n```js\n1 + 1\n```\n\n');
    expect(await pinned(true)).toBe(text);
  });
});
