/**
 * A real sidecar on a free loopback port serving the built workbench, the bundled datasets and a private copy
 * of the bundled notebooks (so tests may edit and save without touching the repository's files).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { buildWorkbenchForProduction } from '../../../server/build/workbench-build';
import { loadConfig } from '../../../server/config';
import { ensureBundledDatasets } from '../../../server/datasets/generate';
import { tokenCookieName } from '../../../server/http/token-auth';
import { startServer } from '../../../server/main';
import type { LocalExchange } from '../../../server/sources/simulated/start';

const root = resolve(import.meta.dirname, '../../..');
const webDistDir = process.env.VOLLAB_WEB_DIST ?? join(root, 'web/dist');
let built: Promise<unknown> | null = null;

/** Build the workbench once per test run (the e2e global setup does it; benchmarks call it themselves). */
export function buildWorkbench(): Promise<unknown> {
  if (process.env.VOLLAB_E2E_BUILT) return Promise.resolve();
  built ??= buildWorkbenchForProduction({
    configFile: join(root, 'vite.config.ts'),
    outDir: webDistDir,
  });
  return built;
}

export interface Workbench {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** The sidecar's token: `Authorization: Bearer <token>` for Node-side requests. */
  token: string;
  notebooksDir: string;
  /**
   * The simulated exchange in this process (with `simulatedExchange`), else null: tests pause it, drop its
   * sockets or arm its faults directly, with no route for it on the sidecar.
   */
  exchange: LocalExchange | null;
  /** Give a browser context the cookie that opening the printed `/?token=…` URL would have set. */
  signIn(context: BrowserContext): Promise<void>;
  close(): Promise<void>;
}

const datasetsDir = process.env.VOLLAB_DATA_DIR ?? join(root, 'datasets');

export async function ensureDatasets(): Promise<void> {
  await ensureBundledDatasets(datasetsDir);
}

/**
 * Start the sidecar; `simulatedExchange` also starts the exchange (and so mounts `/api/live`); `env` adds
 * configuration (e.g. `ANTHROPIC_BASE_URL` of a local upstream).
 */
export async function startWorkbench(
  options: { simulatedExchange?: boolean; env?: Record<string, string> } = {},
): Promise<Workbench> {
  await Promise.all([buildWorkbench(), ensureDatasets()]);
  const notebooksDir = await mkdtemp(join(tmpdir(), 'vollab-notebooks-'));
  await cp(join(root, 'notebooks'), notebooksDir, { recursive: true });
  // A private state database too: alert rules and fills from one test must not leak into the next.
  const stateDir = await mkdtemp(join(tmpdir(), 'vollab-state-'));
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    VOLLAB_DATA_DIR: datasetsDir,
    VOLLAB_NOTEBOOKS_DIR: notebooksDir,
    VOLLAB_STATE_DB: join(stateDir, 'vollab.duckdb'),
    ...options.env,
  });
  // Most tests use no market data: no simulated exchange unless asked.
  const simulatedExchange = options.simulatedExchange ?? false;
  const server = await startServer({ ...config, webDistDir, simulatedExchange });
  const url = server.url.replace(/\/$/, '');
  return {
    url,
    token: server.token,
    notebooksDir,
    exchange: server.exchange,
    signIn: (context) =>
      context.addCookies([
        {
          name: tokenCookieName(new URL(url).host),
          value: server.token,
          url,
          httpOnly: true,
          sameSite: 'Strict',
        },
      ]),
    async close() {
      await server.close();
      await rm(notebooksDir, { recursive: true, force: true });
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
