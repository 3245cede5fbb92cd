/**
 * Write an export: the viewer's build, the manifest and the bundle's files into a new folder, atomically (a
 * sibling folder renamed into place), refusing an existing folder unless forced.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ExportBundle } from './bundle';

export class ExportExistsError extends Error {
  override readonly name = 'ExportExistsError';
  constructor(dir: string) {
    super(`${basename(dir)} already exists: choose another --out or pass --force`);
  }
}

/**
 * @example
 * await writeExportFolder(bundle, 'exports/regime-study', { viewer: await ensureViewerBuild(false) });
 */
export async function writeExportFolder(
  bundle: ExportBundle,
  outDir: string,
  options: { viewer: string; force?: boolean },
): Promise<void> {
  const exists = await stat(outDir).then(
    () => true,
    () => false,
  );
  if (exists && !options.force) throw new ExportExistsError(outDir);
  await mkdir(dirname(outDir), { recursive: true });
  const staging = `${outDir}.partial-${randomBytes(6).toString('hex')}`;
  try {
    await cp(options.viewer, staging, { recursive: true });
    await writeBundleFiles(bundle, staging);
    if (exists) await rm(outDir, { recursive: true, force: true });
    await rename(staging, outDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The manifest and every file of the bundle under `dir`. */
export async function writeBundleFiles(bundle: ExportBundle, dir: string): Promise<void> {
  for (const [path, bytes] of bundle.files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(bundle.manifest, null, 2));
}
