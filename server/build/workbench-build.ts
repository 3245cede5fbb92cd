/**
 * The production build of the workbench, whatever NODE_ENV the calling process runs under (vitest sets `test`,
 * a shell may set `development`): Vite picks packages' `development` builds unless NODE_ENV is `production`,
 * and Lit's development build warns "Lit is in dev mode" on every page. A `build-info.json` next to the build
 * records the mode, so `npm start` rebuilds a workbench that was not built this way.
 *
 * @example
 * await buildWorkbenchForProduction({ configFile: 'vite.config.ts', root: 'web', outDir: 'web/dist' });
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';

export const BUILD_INFO = 'build-info.json';

export interface WorkbenchBuild {
  configFile: string;
  root?: string;
  outDir: string;
}

export async function buildWorkbenchForProduction(options: WorkbenchBuild): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: options.configFile,
      ...(options.root ? { root: options.root } : {}),
      mode: 'production',
      build: { outDir: options.outDir, emptyOutDir: true },
      logLevel: 'warn',
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  await writeFile(join(options.outDir, BUILD_INFO), `${JSON.stringify({ mode: 'production' })}\n`);
}

/** Whether the build in `outDir` was made by `buildWorkbenchForProduction`. */
export async function isProductionBuild(outDir: string): Promise<boolean> {
  const info = await readFile(join(outDir, BUILD_INFO), 'utf8').catch(() => '');
  try {
    return (JSON.parse(info) as { mode?: unknown }).mode === 'production';
  } catch {
    return false;
  }
}
