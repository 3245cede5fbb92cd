/**
 * The assistant's costs: the relay's latency per streamed event (a local upstream writing one text_delta every
 * 2 ms, stamped with its write time; the figure is upstream write → SSE event parsed by the client, both
 * loopback hops included, so an upper bound on what the relay adds; goal p99 < 2 ms), `run_sql` on the
 * 1M-row option chain (goal < 100 ms) and the sandbox's check of one statement (goal < 1 ms).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createApp } from '../../server/app';
import { createModelStream } from '../../server/chat/upstream';
import { loadConfig } from '../../server/config';
import { createCatalogReader } from '../../server/datasets/catalog-reader';
import { ensureBundledDatasets } from '../../server/datasets/generate';
import { createSqlSandbox, type SqlSandbox } from '../../server/sql-sandbox/sandbox';
import { readChatEvents } from '../../web/chat/sse';
import type { BenchSuite } from './harness';

const datasetsDir =
  process.env.VOLLAB_DATA_DIR ?? join(resolve(import.meta.dirname, '../..'), 'datasets');
const EVENTS = 300;
const KEY = 'sk-ant-bench';

let upstream: Server;
let app: ReturnType<typeof createApp>;
let sandbox: SqlSandbox;

function sse(event: string, data: Record<string, unknown>): string {
  return `event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`;
}

/** A Messages stream whose text deltas are the `performance.now()` at which each was written. */
function startUpstream(): Promise<string> {
  upstream = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(
        sse('message_start', {
          message: {
            id: 'm',
            type: 'message',
            role: 'assistant',
            model: 'x',
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { input_tokens: 1, output_tokens: 1 },
          },
        }),
      );
      res.write(
        sse('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
      );
      let sent = 0;
      const tick = () => {
        if (sent++ < EVENTS) {
          res.write(
            sse('content_block_delta', {
              index: 0,
              delta: { type: 'text_delta', text: `${performance.now()};` },
            }),
          );
          setTimeout(tick, 2);
          return;
        }
        res.write(sse('content_block_stop', { index: 0 }));
        res.write(
          sse('message_delta', {
            delta: { stop_reason: 'end_turn', stop_sequence: null },
            usage: { output_tokens: EVENTS },
          }),
        );
        res.end(sse('message_stop', {}));
      };
      tick();
    });
  });
  return new Promise((ok) =>
    upstream.listen(0, '127.0.0.1', () =>
      ok(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`),
    ),
  );
}

async function relayP99(): Promise<number> {
  const res = await app.request('http://localhost/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${config().token}` },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'go' }] }),
  });
  const latencies: number[] = [];
  for await (const event of readChatEvents(res.body!)) {
    if (event.type !== 'text') continue;
    const now = performance.now();
    for (const stamp of event.text.split(';')) if (stamp) latencies.push(now - Number(stamp));
  }
  latencies.sort((a, b) => a - b);
  return latencies[Math.floor(latencies.length * 0.99)]!;
}

let cfg: ReturnType<typeof loadConfig> | null = null;
const config = () => cfg!;

export const suite: BenchSuite = {
  name: 'chat',
  async setup() {
    await ensureBundledDatasets(datasetsDir);
    const url = await startUpstream();
    cfg = loadConfig({
      VOLLAB_DATA_DIR: datasetsDir,
      ANTHROPIC_API_KEY: KEY,
      ANTHROPIC_BASE_URL: url,
    });
    app = createApp(cfg, {
      claudeStream: createModelStream({ ...cfg.claude, apiKey: KEY }, { maxRetries: 0 }),
    });
    sandbox = createSqlSandbox({ datasetsDir, catalog: createCatalogReader(datasetsDir) });
  },
  async teardown() {
    sandbox.close();
    await new Promise((ok) => upstream.close(ok));
  },
  cases: [
    {
      name: `relay latency per streamed event, p99 over ${EVENTS} events`,
      runs: 3,
      goal: 'p99 < 2 ms',
      run: async () => ({ value: await relayP99(), unit: 'ms' }),
    },
    {
      name: 'run_sql: aggregate over option_chain (1.07M rows)',
      runs: 7,
      goal: '< 100 ms',
      run: async () => {
        await sandbox.run(
          'SELECT currency, option_type, count(*) AS n, avg(mark_iv) AS iv FROM option_chain GROUP BY ALL ORDER BY ALL',
        );
      },
    },
    {
      name: 'sandbox check (DuckDB parse + validate) per statement, mean of 200',
      runs: 5,
      goal: '< 1 ms',
      run: async () => {
        const start = performance.now();
        for (let i = 0; i < 200; i++)
          await sandbox.check(
            `WITH d AS (SELECT date, close FROM ohlcv_daily WHERE currency = 'BTC') SELECT date, avg(close) OVER (ORDER BY date ROWS 29 PRECEDING) AS ma${i} FROM d`,
          );
        return { value: (performance.now() - start) / 200, unit: 'ms' };
      },
    },
  ],
};
