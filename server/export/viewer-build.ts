/**
 * The viewer's static build (`vite.viewer.config.ts`): `web/dist-viewer/` for folders and share links,
 * `web/dist-viewer-single/` (assets inlined) for single-file exports. Built on first need.
 */
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function viewerDir(single: boolean, root = process.cwd()): string {
  return resolve(root, 'web', single ? 'dist-viewer-single' : 'dist-viewer');
}

/**
 * @example
 * const dir = await ensureViewerBuild(false); // builds web/dist-viewer once
 */
export async function ensureViewerBuild(
  single: boolean,
  options: { root?: string; rebuild?: boolean } = {},
): Promise<string> {
  const root = options.root ?? process.cwd();
  const dir = viewerDir(single, root);
  const built = await stat(join(dir, 'index.html')).then(
    () => true,
    () => false,
  );
  if (!built || options.rebuild) {
    await run(
      join(root, 'node_modules/.bin/vite'),
      ['build', '--config', 'vite.viewer.config.ts'],
      {
        cwd: root,
        env: { ...process.env, VOLLAB_VIEWER_SINGLE: single ? '1' : '0' },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  }
  return dir;
}
