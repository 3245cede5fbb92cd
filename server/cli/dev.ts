/**
 * `npm run dev`: the sidecar on `VOLLAB_API_PORT` (default 8787) plus Vite's dev server with hot reload;
 * vite.config.ts proxies `/api` and `/datasets` to the sidecar, and this adds the sidecar's token to every
 * proxied request (the page Vite serves never sees it; the sidecar still checks Host and Origin).
 */
import { join, resolve } from 'node:path';
import { createServer } from 'vite';
import { loadConfig } from '../config';
import { ensureBundledDatasets } from '../datasets/generate';
import { startServer } from '../main';
import { closeOnSignal, runMain } from './run';

const repoRoot = resolve(import.meta.dirname, '../..');

async function main(): Promise<void> {
  const apiPort = process.env.VOLLAB_API_PORT ?? '8787';
  process.env.VOLLAB_API_PORT = apiPort; // read by vite.config.ts for its proxy
  const config = loadConfig({ ...process.env, PORT: apiPort });
  const log = (message: string) => console.log(message);
  await ensureBundledDatasets(config.datasetsDir, { log });
  const api = await startServer(config);
  const target = `http://127.0.0.1:${api.port}`;
  const headers = { Authorization: `Bearer ${api.token}` };
  const vite = await createServer({
    configFile: join(repoRoot, 'vite.config.ts'),
    root: join(repoRoot, 'web'),
    // The same entries as vite.config.ts's proxy, plus the token.
    server: {
      proxy: { '/api': { target, ws: true, headers }, '/datasets': { target, headers } },
    },
  });
  await vite.listen();
  const workbench = vite.resolvedUrls?.local[0] ?? `http://localhost:${vite.config.server.port}/`;
  log(`Vol Lab dev: workbench ${workbench} (hot reload), API ${api.url} (${config.source} data)`);
  closeOnSignal(() => Promise.all([vite.close(), api.close()]));
}

runMain(main);
