/**
 * Refuse to pin a notebook that reads a dataset missing from the catalog or from the disk: an export or share
 * with a hole in its data would look fine and be wrong.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createCatalogReader } from '../datasets/catalog-reader';
import { slicesFromFrontMatter } from '../../web/data/slice';
import { compile } from '../../web/notebook/compile';
import type { Notebook } from '../../web/notebook/types';

export class MissingDatasetError extends Error {
  override readonly name = 'MissingDatasetError';
  constructor(readonly dataset: string) {
    super(`the notebook reads dataset ${dataset}, which is not on disk`);
  }
}

/**
 * The datasets a notebook names (front matter and SQL) that are not in the catalog or whose files are gone;
 * throws a `MissingDatasetError` for the first one.
 *
 * @example
 * await assertDatasetsPresent(parse(text), './datasets');
 */
export async function assertDatasetsPresent(
  notebook: Notebook,
  datasetsDir: string,
): Promise<void> {
  const catalog = await createCatalogReader(datasetsDir).read();
  const named = slicesFromFrontMatter(notebook.frontMatter?.data.datasets).specs.map((s) => s.name);
  const aliases = new Set(
    slicesFromFrontMatter(notebook.frontMatter?.data.datasets).specs.map((s) => s.as ?? s.name),
  );
  const fromSql = compile(notebook).datasets.filter((t) => !aliases.has(t));
  for (const name of new Set([...named, ...fromSql])) {
    const entry = catalog.datasets.find((d) => d.name === name);
    if (!entry) throw new MissingDatasetError(name);
    for (const partition of entry.partitions) {
      const present = await stat(join(datasetsDir, partition.path)).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!present) throw new MissingDatasetError(name);
    }
  }
}
