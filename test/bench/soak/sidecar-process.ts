/**
 * The sidecar under soak, as its own process (so its RSS and CPU are its own, not the load generator's):
 * `node --import tsx server/cli/start.ts` on 127.0.0.1 with a free port, the simulated exchange, the real
 * bundled datasets, and a throwaway copy of the notebooks, cache and web build. RSS and CPU time come from
 * `/proc/<pid>`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BUILD_INFO } from '../../../server/build/workbench-build';

const repoRoot = resolve(import.meta.dirname, '../../..');
/** Linux's USER_HZ: the unit of utime/stime in /proc/<pid>/stat. */
const CLOCK_TICKS = 100;

export interface SidecarProcess {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  token: string;
  pid: number;
  /** Resident set size now, bytes. */
  rss(): Promise<number>;
  /** User + system CPU time so far, seconds. */
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

export async function startSidecarProcess(token: string): Promise<SidecarProcess> {
  const root = await mkdtemp(join(tmpdir(), 'vollab-soak-'));
  await cp(join(repoRoot, 'notebooks'), join(root, 'notebooks'), { recursive: true });
  await mkdir(join(root, 'web-dist'));
  // Newer than every source file, so `npm start` does not rebuild the workbench.
  await writeFile(join(root, 'web-dist/index.html'), '<!doctype html><title>Vol Lab</title>');
  await writeFile(join(root, 'web-dist', BUILD_INFO), JSON.stringify({ mode: 'production' }));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'server/cli/start.ts')],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        TZ: 'UTC',
        HOST: '127.0.0.1',
        PORT: '0',
        VOLLAB_SOURCE: 'simulated',
        VOLLAB_TOKEN: token,
        VOLLAB_DATA_DIR: join(repoRoot, 'datasets'),
        VOLLAB_NOTEBOOKS_DIR: join(root, 'notebooks'),
        VOLLAB_WEB_DIST: join(root, 'web-dist'),
        VOLLAB_CACHE_DIR: join(root, 'cache'),
      },
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((found, fail) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(text);
      if (match) found(new URL('/', match[1]!).href);
    });
    void exited.then(() => fail(new Error(`the sidecar exited before listening:\n${text}`)));
  });
  const pid = child.pid!;
  const stat = async () => (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return {
    url,
    token,
    pid,
    async rss() {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
    },
    async cpuSeconds() {
      // Fields 14 and 15 of /proc/<pid>/stat (utime, stime); after "pid (comm) " they are the 12th and 13th.
      const fields = await stat();
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await rm(root, { recursive: true, force: true });
    },
  };
}
