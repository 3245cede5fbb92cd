/**
 * `startServer` with the built-in simulated exchange (the `npm start` default): it continues from the bundled
 * data's `final-state.json` (here one written three hours ago), answers the Deribit and Polymarket proxies and
 * feeds `/api/live` in real time; `close()` stops it.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../server/main';
import { createMarketState } from '../../server/simulator/state';
import { COINS } from '../../server/simulator/coins';
import { createFixture, type Fixture } from '../server/routes/fixtures';

let fx: Fixture;
let server: RunningServer;
const hour = Math.floor(Date.now() / 3_600_000) - 3;
const state = createMarketState(
  hour * 3600,
  COINS.map((_, i) => Math.log(1000 + i)),
);

beforeAll(async () => {
  fx = await createFixture({ rows: 5 });
  await mkdir(join(fx.config.datasetsDir, 'source=simulated'), { recursive: true });
  await writeFile(
    join(fx.config.datasetsDir, 'source=simulated/final-state.json'),
    JSON.stringify(state),
  );
  server = await startServer({ ...fx.config, port: 0 });
});
afterAll(async () => {
  await server?.close();
  await fx?.cleanup();
});

const api = async (path: string) => {
  const res = await fetch(new URL(path, server.url), {
    headers: { Authorization: `Bearer ${server.token}` },
  });
  expect(res.status, path).toBe(200);
  return res.json();
};

describe('startServer with the simulated exchange', () => {
  it('continues from final-state.json: the caught-up hours start at its prices', async () => {
    expect(server.exchange).not.toBeNull();
    const start = hour * 3_600_000;
    const bars = await api(
      `api/deribit/get_tradingview_chart_data?instrument_name=BTC-PERPETUAL&resolution=60&start_timestamp=${start}&end_timestamp=${start + 3 * 3_600_000 - 1}`,
    );
    expect(bars.result.ticks).toEqual([start, start + 3_600_000, start + 7_200_000]);
    expect(bars.result.open[0]).toBeCloseTo(1000, 9);
    const index = await api('api/deribit/get_index_price?index_name=btc_usd');
    expect(index.result.index_price).toBeGreaterThan(500);
    expect(index.result.index_price).toBeLessThan(2000);
  });

  it('serves the simulated Polymarket through the proxy', async () => {
    const markets = (await api('api/polymarket/gamma/markets?limit=2')) as {
      question: string;
      outcomes: string[];
      clobTokenIds: string[];
    }[];
    expect(markets).toHaveLength(2);
    expect(markets[0]!.question).toMatch(/^Will BTC be above \$[\d,]+ on \d{4}-\d{2}-\d{2}\?$/);
    expect(markets[0]!.outcomes).toEqual(['Yes', 'No']);
    const mid = await api(`api/polymarket/clob/midpoint?token_id=${markets[0]!.clobTokenIds[0]}`);
    expect(mid.mid).toBeGreaterThan(0);
    expect(mid.mid).toBeLessThan(1);
  });

  it('streams index ticks to /api/live in real time', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}api/live`, {
      headers: { Authorization: `Bearer ${server.token}` },
    });
    const data: { price: number; timestamp: number }[] = [];
    ws.on('message', (raw) => {
      const f = JSON.parse(String(raw));
      if (f.type === 'data') data.push(f.data);
    });
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ op: 'subscribe', channels: ['deribit_price_index.btc_usd'] }));
    const t0 = Date.now();
    while (data.length < 3 && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 20));
    expect(data.length).toBeGreaterThanOrEqual(3);
    expect(Math.abs(data.at(-1)!.timestamp - Date.now())).toBeLessThan(2000);
    ws.close();
  });
});
