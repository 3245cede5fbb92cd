/**
 * Market data: snapshot writes of trade rows (native DuckDB, and parquet-wasm for the comparison that chose
 * DuckDB), the `/api/deribit` proxy's overhead per request against calling the simulated exchange directly
 * (p50, p99; distinct queries so the cache never answers), and `/api/live` fan-out of index ticks to 200 local
 * WebSocket clients (messages delivered per second, p99 latency from the exchange's tick to a client).
 * Everything on loopback; every loop is bounded.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Float64, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import * as parquet from 'parquet-wasm/node';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../server/main';
import type { SnapshotRow } from '../../server/snapshots/schema';
import { SCHEMAS } from '../../server/snapshots/schema';
import { writeSnapshot } from '../../server/snapshots/writer';
import { simulateHistory } from '../../server/simulator/history';
import {
  startSimulatedExchange,
  type SimulatedExchange,
} from '../../server/sources/simulated/exchange';
import { createSimulatedMarket } from '../../server/sources/simulated/market';
import { createSimulatorFeed } from '../../server/sources/simulated/simulator-feed';
import { createFixture, type Fixture } from '../server/routes/fixtures';
import { median, type BenchSuite } from './harness';

const T0 = Date.UTC(2026, 0, 1);
const CLIENTS = 200;
const TICKS = 50;
const REQUESTS = 300;
let dir: string;
let fx: Fixture;
let ex: SimulatedExchange;
let server: RunningServer;
let sockets: { ws: WebSocket; latencies: number[]; count: number }[] = [];
let query = 0;
let rows200k: SnapshotRow[] = [];

function trades(n: number): SnapshotRow[] {
  const rows: SnapshotRow[] = new Array(n);
  for (let i = 0; i < n; i++)
    rows[i] = {
      timestamp: T0 + Math.floor((i * (2 * 86_400_000)) / n),
      trade_id: `BTC-${i + 1}`,
      trade_seq: i,
      instrument_name: i % 3 ? 'BTC-PERPETUAL' : 'BTC-27MAR26-100000-C',
      price: 100_000 + (i % 100),
      amount: 10 * ((i % 7) + 1),
      direction: i % 2 ? 'buy' : 'sell',
      index_price: 99_999.5,
      mark_price: 100_000.1,
      iv: i % 3 ? null : 55.5,
      tick_direction: i % 4,
      liquidation: null,
      block_trade_id: null,
      currency: 'BTC',
    };
  return rows;
}

/** The same rows through apache-arrow and parquet-wasm (the alternative writer). */
function parquetWasm(rows: readonly SnapshotRow[]): Uint8Array {
  const columns: Record<string, Vector<Utf8> | Vector<Float64>> = {};
  for (const c of SCHEMAS.trades)
    columns[c.name] =
      c.type === 'VARCHAR'
        ? vectorFromArray(
            rows.map((r) => (r[c.name] ?? null) as string | null),
            new Utf8(),
          )
        : vectorFromArray(
            rows.map((r) => (r[c.name] ?? null) as number | null),
            new Float64(),
          );
  const table = parquet.Table.fromIPCStream(tableToIPC(new Table(columns), 'stream'));
  const props = new parquet.WriterPropertiesBuilder()
    .setCompression(parquet.Compression.ZSTD)
    .build();
  return parquet.writeParquet(table, props);
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

/** Sequential GETs, each with a new start_timestamp (a cache miss); latencies in ms. */
async function timed(base: string, headers: Record<string, string> = {}): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const url = `${base}get_last_trades_by_currency_and_time?currency=BTC&count=1&start_timestamp=${++query}&end_timestamp=${T0}`;
    const t = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    out.push(performance.now() - t);
  }
  return out;
}

async function overhead(p: number): Promise<{ value: number; unit: string }> {
  const direct = await timed(`${ex.url}/api/v2/public/`);
  const proxied = await timed(`${server.url}api/deribit/`, {
    Authorization: `Bearer ${server.token}`,
  });
  return {
    value: percentile(proxied, p) - percentile(direct, p),
    unit: `ms (direct ${percentile(direct, p).toFixed(2)} ms, proxied ${percentile(proxied, p).toFixed(2)} ms)`,
  };
}

export const suite: BenchSuite = {
  name: 'market-data',
  async setup() {
    dir = await mkdtemp(join(tmpdir(), 'vollab-bench-md-'));
    rows200k = trades(200_000);
    fx = await createFixture({ rows: 5 });
    const history = simulateHistory((T0 - 10 * 86_400_000) / 1000, T0 / 1000, 7);
    const feed = createSimulatorFeed({ state: history.finalState, seed: 7, history });
    feed.advance(Date.now());
    ex = await startSimulatedExchange({
      market: createSimulatedMarket(feed, { seed: 3 }),
      now: Date.now,
    });
    server = await startServer({
      ...fx.config,
      port: 0,
      simulatedExchange: false,
      deribitUrl: ex.url,
    });
    const url = `${server.url.replace('http', 'ws')}api/live`;
    sockets = await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const headers = { Authorization: `Bearer ${server.token}` };
        const s = { ws: new WebSocket(url, { headers }), latencies: [] as number[], count: 0 };
        s.ws.on('message', (raw) => {
          const f = JSON.parse(String(raw));
          if (f.type !== 'data') return;
          s.count++;
          s.latencies.push(Date.now() - f.data.timestamp);
        });
        await new Promise((r) => s.ws.once('open', r));
        s.ws.send(JSON.stringify({ op: 'subscribe', channels: ['deribit_price_index.btc_usd'] }));
        return s;
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
  },
  async teardown() {
    for (const s of sockets) s.ws.terminate();
    await server.close();
    await ex.close();
    await fx.cleanup();
    await rm(dir, { recursive: true, force: true });
  },
  cases: [
    {
      name: 'snapshot write, 1M trade rows (DuckDB: stage, dedupe, 2 new date partitions)',
      runs: 3,
      items: { count: 1_000_000, unit: 'rows' },
      goal: '> 200k rows/s',
      run: async () => {
        const rows = trades(1_000_000);
        const out = await mkdtemp(join(dir, 'w-'));
        const t = performance.now();
        await writeSnapshot({ datasetsDir: out, source: 'deribit', kind: 'trades', rows });
        const ms = performance.now() - t;
        await rm(out, { recursive: true, force: true });
        return { value: 1_000_000 / (ms / 1000), unit: 'rows/s' };
      },
    },
    {
      name: 'snapshot merge, 200k trade rows into 1M on disk (half already there)',
      runs: 3,
      run: async () => {
        const out = await mkdtemp(join(dir, 'm-'));
        const rows = trades(1_000_000);
        await writeSnapshot({ datasetsDir: out, source: 'deribit', kind: 'trades', rows });
        const more = [...rows.slice(400_000, 500_000), ...trades(1_100_000).slice(1_000_000)];
        const t = performance.now();
        await writeSnapshot({ datasetsDir: out, source: 'deribit', kind: 'trades', rows: more });
        const ms = performance.now() - t;
        await rm(out, { recursive: true, force: true });
        return { value: ms, unit: 'ms' };
      },
    },
    {
      name: 'writer comparison, 200k trade rows: DuckDB',
      runs: 3,
      items: { count: 200_000, unit: 'rows' },
      run: async () => {
        const out = await mkdtemp(join(dir, 'c-'));
        await writeSnapshot({
          datasetsDir: out,
          source: 'deribit',
          kind: 'trades',
          rows: rows200k,
        });
        await rm(out, { recursive: true, force: true });
      },
    },
    {
      name: 'writer comparison, 200k trade rows: apache-arrow + parquet-wasm (no dedupe)',
      runs: 3,
      items: { count: 200_000, unit: 'rows' },
      run: () => void parquetWasm(rows200k),
    },
    {
      name: `proxy overhead p50 (${REQUESTS} uncached requests)`,
      runs: 3,
      goal: '< 2 ms',
      run: () => overhead(0.5),
    },
    {
      name: `proxy overhead p99 (${REQUESTS} uncached requests)`,
      runs: 3,
      goal: '< 10 ms',
      run: () => overhead(0.99),
    },
    {
      name: `/api/live fan-out: ${TICKS} index ticks to ${CLIENTS} clients, messages delivered/s`,
      runs: 3,
      goal: '> 20k msg/s',
      run: async () => {
        for (const s of sockets) {
          s.count = 0;
          s.latencies = [];
        }
        const t = performance.now();
        for (let i = 0; i < TICKS; i++) {
          ex.tick(Date.now() + 1);
          await new Promise((r) => setImmediate(r));
        }
        const deadline = Date.now() + 20_000;
        while (sockets.some((s) => s.count < TICKS) && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 1));
        const seconds = (performance.now() - t) / 1000;
        const delivered = sockets.reduce((n, s) => n + s.count, 0);
        return { value: delivered / seconds, unit: 'msg/s' };
      },
    },
    {
      name: `/api/live fan-out: p99 latency, exchange tick → client (${CLIENTS} clients, 20 ticks/s)`,
      runs: 3,
      goal: '< 50 ms',
      run: async () => {
        for (const s of sockets) {
          s.count = 0;
          s.latencies = [];
        }
        for (let i = 0; i < 20; i++) {
          ex.tick(Date.now());
          await new Promise((r) => setTimeout(r, 50));
        }
        const deadline = Date.now() + 10_000;
        while (sockets.some((s) => s.count < 20) && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 5));
        const all = sockets.flatMap((s) => s.latencies);
        return {
          value: percentile(all, 0.99),
          unit: `ms (p50 ${median(all).toFixed(1)} ms, ${all.length} messages)`,
        };
      },
    },
  ],
};
