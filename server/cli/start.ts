/**
 * `npm start`: generate the bundled datasets if missing, build the workbench if it is stale, serve it.
 * Prints `Vol Lab is running at http://127.0.0.1:8787/?token=… (simulated data)`: the token in that URL is what
 * lets a browser in (generated per start unless VOLLAB_TOKEN is set).
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config';
import { ensureBundledDatasets } from '../datasets/generate';
import { startServer } from '../main';
import { closeOnSignal, runMain } from './run';
import { buildWorkbenchInChild, isProductionBuild } from '../build/workbench-build';

const repoRoot = resolve(import.meta.dirname, '../..');

/** Newest modification time of the files under `dir`, skipping `skip` folders and dot entries. */
async function newestMtime(dir: string, skip: readonly string[]): Promise<number> {
  let newest = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || skip.includes(path))
      continue;
    const mtime = entry.isDirectory() ? await newestMtime(path, skip) : (await stat(path)).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

/**
 * Whether `web/dist/index.html` is missing, was not a production build, or is older than any source under `web/`
 * or `cells/` or the build configuration.
 */
async function workbenchIsStale(root: string, webDistDir: string): Promise<boolean> {
  const built = await stat(join(webDistDir, 'index.html')).catch(() => null);
  if (!built || !(await isProductionBuild(webDistDir))) return true;
  const skip = [webDistDir, join(root, 'web', 'dist')];
  const sources = Math.max(
    await newestMtime(join(root, 'web'), skip),
    await newestMtime(join(root, 'cells'), skip),
    await newestMtime(join(root, 'server', 'build'), skip),
    (await stat(join(root, 'vite.config.ts'))).mtimeMs,
  );
  return sources > built.mtimeMs;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = (message: string) => console.log(message);
  await ensureBundledDatasets(config.datasetsDir, { log });
  if (await workbenchIsStale(repoRoot, config.webDistDir)) {
    log('Building the workbench…');
    await buildWorkbenchInChild({
      configFile: join(repoRoot, 'vite.config.ts'),
      root: join(repoRoot, 'web'),
      outDir: config.webDistDir,
    });
  }
  const server = await startServer(config).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new Error(
      `Port ${config.port} on ${config.host} is in use (another Vol Lab?). Choose another: PORT=${config.port + 1} npm start`,
    );
  });
  log(`Vol Lab is running at ${server.signInUrl} (${config.source} data)`);
  closeOnSignal(() => server.close());
}

runMain(main);
