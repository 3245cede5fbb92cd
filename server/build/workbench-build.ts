/**
 * The production build of the workbench, whatever NODE_ENV the calling process runs under (vitest sets `test`,
 * a shell may set `development`): Vite picks packages' `development` builds unless NODE_ENV is `production`,
 * and Lit's development build warns "Lit is in dev mode" on every page. A `build-info.json` next to the build
 * records the mode, so `npm start` rebuilds a workbench that was not built this way.
 *
 * @example
 * await buildWorkbenchForProduction({ configFile: 'vite.config.ts', root: 'web', outDir: 'web/dist' });
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
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
  await writeBuildInfo(options.outDir);
}

/**
 * The same build in a child process, for the long-running sidecar: a bundler run in-process leaves about a gigabyte
 * of resident memory behind for the life of the server (measured: 1.6 GB RSS after an in-process build at
 * `npm start`, 0.4 GB without).
 *
 * @example
 * await buildWorkbenchInChild({ configFile: 'vite.config.ts', outDir: 'web/dist' });
 */
export async function buildWorkbenchInChild(options: WorkbenchBuild): Promise<void> {
  const root = dirname(options.configFile);
  await promisify(execFile)(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      ...(options.root ? [options.root] : []),
      '--config',
      options.configFile,
      '--mode',
      'production',
      '--outDir',
      options.outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 64 * 1024 * 1024 },
  );
  await writeBuildInfo(options.outDir);
}

async function writeBuildInfo(outDir: string): Promise<void> {
  await writeFile(join(outDir, BUILD_INFO), `${JSON.stringify({ mode: 'production' })}\n`);
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
