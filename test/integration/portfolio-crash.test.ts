/**
 * A real crash of the sidecar: a child process runs `startServer` (fills in its state database), the test posts
 * a burst of fills over HTTP, eight single fills and two batches of 20 in flight, and SIGKILLs the child
 * mid-burst. Reopened, the database must hold every acknowledged fill exactly once; a second sidecar on the same file then answers every resubmission
 * of an acknowledged client id with the original fill, storing nothing new.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStateDb } from '../../server/state/db';
import { repoPath, startChild, type ChildScript } from './child-script';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vollab-portfolio-crash-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const TOKEN = 'portfolio-crash-test-token-0123456789';

const sidecar = (root: string) => `
import { loadConfig } from ${repoPath('server/config.ts')};
import { startServer } from ${repoPath('server/main.ts')};
const config = loadConfig({
  VOLLAB_DATA_DIR: 'datasets', VOLLAB_NOTEBOOKS_DIR: 'notebooks', VOLLAB_CACHE_DIR: 'cache',
  VOLLAB_WEB_DIST: 'web', VOLLAB_STATE_DB: 'state/vollab.duckdb', VOLLAB_TOKEN: ${JSON.stringify(TOKEN)},
}, ${JSON.stringify(root)});
const server = await startServer({ ...config, port: 0, simulatedExchange: false });
console.log(JSON.stringify({ url: server.url }));
`;

async function post(url: string, clientId: string): Promise<number> {
  const res = await fetch(new URL('api/portfolio/trades', url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      instrument_name: 'BTC-PERPETUAL',
      direction: 'buy',
      amount: 10,
      price: 95_000,
      client_id: clientId,
    }),
  });
  await res.arrayBuffer();
  return res.status;
}

/** A burst of `ids.length` fills in one `POST /trades/batch`; its status. */
async function postBatch(url: string, ids: string[]): Promise<number> {
  const res = await fetch(new URL('api/portfolio/trades/batch', url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      trades: ids.map((client_id) => ({
        instrument_name: 'BTC-PERPETUAL',
        direction: 'sell',
        amount: 10,
        price: 95_000,
        client_id,
      })),
    }),
  });
  await res.arrayBuffer();
  return res.status;
}

async function start(): Promise<{ child: ChildScript; url: string }> {
  const child = startChild(sidecar(dir));
  const { url } = (await child.next()) as { url: string };
  return { child, url };
}

describe('the portfolio under SIGKILL of the sidecar', () => {
  it('keeps every acknowledged fill exactly once, and resubmissions stay idempotent', async () => {
    const { child, url } = await start();
    const acked: string[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const id = `burst-${next++}`;
        try {
          const status = await post(url, id);
          if (status === 201) acked.push(id);
          else throw new Error(`unexpected status ${status}`);
        } catch (error) {
          if (!killed) throw error;
          return;
        }
        if (acked.length >= 300 && !killed) {
          killed = true;
          child.proc.kill('SIGKILL');
        }
      }
    };
    // Two clients send bursts of 20 in one request each, sharing transactions with the singles.
    let batches = 0;
    const batchWorker = async () => {
      while (!killed) {
        const ids = Array.from({ length: 20 }, (_, i) => `batch-${batches}-${i}`);
        batches++;
        try {
          const status = await postBatch(url, ids);
          if (status === 201) acked.push(...ids);
          else throw new Error(`unexpected status ${status}`);
        } catch (error) {
          if (!killed) throw error;
          return;
        }
      }
    };
    await Promise.all([...Array.from({ length: 8 }, worker), batchWorker(), batchWorker()]);
    expect(await child.exited).toBe('SIGKILL');

    const db = await openStateDb(join(dir, 'state', 'vollab.duckdb'));
    const rows = await db.read(
      'SELECT client_id, count(*)::INTEGER AS n FROM fills GROUP BY client_id',
    );
    await db.close();
    const stored = new Map(rows.map((r) => [String(r.client_id), Number(r.n)]));
    expect(acked.length).toBeGreaterThanOrEqual(300);
    expect(acked.some((id) => id.startsWith('batch-'))).toBe(true);
    for (const id of acked) expect(stored.get(id), id).toBe(1);
    expect([...stored.values()].every((n) => n === 1)).toBe(true);

    const again = await start();
    try {
      for (const id of acked.slice(0, 50)) expect(await post(again.url, id)).toBe(200);
      const list = await fetch(new URL('api/portfolio/trades', again.url), {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      const { fills } = (await list.json()) as { fills: unknown[] };
      expect(fills.length).toBe(stored.size);
    } finally {
      again.child.proc.kill('SIGTERM');
      await again.child.exited;
    }
  }, 120_000);
});
