/**
 * The probe's request mix against a running sidecar, in a fixed number of sequential loops that stop at a
 * deadline: notebooks (list, read, save), dataset slices (small ones and large `option_chain` ones at once,
 * each distinct so it is computed), the Deribit proxy (order books of many instruments, chart data over
 * varying ranges) and `/api/live` subscribers. Every answer is counted by kind and status.
 */
import WebSocket from 'ws';
import { createRng } from '../../../cells/random';

export interface LoadTarget {
  url: string;
  token: string;
}

export interface LoadReport {
  /** `"<kind> <status>"` → count (`error` for a failed connection). */
  statuses: Map<string, number>;
  liveMessages: number;
  liveCloses: number;
}

/**
 * @example
 * const report = await runLoad({ url, token }, Date.now() + 60_000);
 */
export async function runLoad(target: LoadTarget, deadline: number): Promise<LoadReport> {
  const statuses = new Map<string, number>();
  const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
  const headers = { authorization: `Bearer ${target.token}` };
  const request = async (kind: string, path: string, init: RequestInit = {}) => {
    try {
      const res = await fetch(new URL(path, target.url), {
        ...init,
        headers: { ...headers, ...(init.headers as Record<string, string>) },
        signal: AbortSignal.timeout(120_000),
      });
      const body = await res.arrayBuffer();
      count(`${kind} ${res.status}`);
      // A refused request honours Retry-After, as a client should.
      if (res.status === 503) await pause(1000 * Number(res.headers.get('retry-after') ?? 1));
      return { res, body };
    } catch {
      count(`${kind} error`);
      await pause(500);
      return null;
    }
  };
  const loop = async (seed: number, step: (rng: ReturnType<typeof createRng>) => Promise<void>) => {
    const rng = createRng(seed);
    while (Date.now() < deadline) await step(rng);
  };

  const created = await request('notebook-create', 'api/notebooks', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Soak notes' }),
  });
  const soak = JSON.parse(new TextDecoder().decode(created!.body)) as {
    path: string;
    etag: string;
  };
  let etag = soak.etag;
  const instruments = await request(
    'instruments',
    'api/deribit/get_instruments?currency=BTC&kind=option',
  );
  const names = (
    JSON.parse(new TextDecoder().decode(instruments!.body)) as {
      result: { instrument_name: string }[];
    }
  ).result.map((i) => i.instrument_name);

  const notebooks = (seed: number) =>
    loop(seed, async (rng) => {
      const list = await request('notebook-list', 'api/notebooks');
      const paths = (JSON.parse(new TextDecoder().decode(list!.body)) as { path: string }[]).map(
        (n) => n.path,
      );
      await request('notebook-read', `api/notebooks/${paths[rng.int(paths.length)]}`);
      const saved = await request('notebook-save', `api/notebooks/${soak.path}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'if-match': etag },
        body: JSON.stringify({ text: `---\ntitle: Soak notes\n---\n\n# Soak ${rng.next()}\n` }),
      });
      etag = saved?.res.headers.get('etag') ?? etag;
    });
  const smallSlices = (seed: number) =>
    loop(seed, async (rng) => {
      await request('slice-small', `api/datasets/ohlcv_hourly/slice?limit=${1 + rng.int(35_000)}`);
    });
  // All columns of one currency (~535k rows), a distinct limit each time: what took RSS to 2 GB in the probe.
  const largeSlices = (seed: number) =>
    loop(seed, async (rng) => {
      const where = JSON.stringify({ currency: rng.next() < 0.5 ? 'BTC' : 'ETH' });
      const limit = 200_000 + rng.int(335_000);
      await request(
        'slice-option-chain',
        `api/datasets/option_chain/slice?where=${encodeURIComponent(where)}&limit=${limit}`,
      );
    });
  const proxy = (seed: number) =>
    loop(seed, async (rng) => {
      await request(
        'order-book',
        `api/deribit/get_order_book?instrument_name=${names[rng.int(names.length)]}`,
      );
      const span = (1 + rng.int(72)) * 3_600_000;
      const start = Date.now() - span - rng.int(30) * 86_400_000;
      const resolution = ['1', '5', '60', '1D'][rng.int(4)]!;
      await request(
        'chart-data',
        `api/deribit/get_tradingview_chart_data?instrument_name=BTC-PERPETUAL&resolution=${resolution}&start_timestamp=${start}&end_timestamp=${start + span}`,
      );
    });

  let liveMessages = 0;
  let liveCloses = 0;
  const subscriber = () =>
    new Promise<void>((done) => {
      const ws = new WebSocket(`${target.url.replace(/^http/, 'ws')}api/live`, { headers });
      ws.on('open', () =>
        ws.send(
          JSON.stringify({
            op: 'subscribe',
            channels: [
              'deribit_price_index.btc_usd',
              'ticker.BTC-PERPETUAL.100ms',
              'book.BTC-PERPETUAL.100ms',
            ],
          }),
        ),
      );
      ws.on('message', () => liveMessages++);
      ws.on('error', () => count('live error'));
      ws.on('close', () => {
        liveCloses++;
        done();
      });
      setTimeout(() => ws.close(), Math.max(0, deadline - Date.now()));
    });

  await Promise.all([
    notebooks(1),
    smallSlices(2),
    smallSlices(3),
    ...[4, 5, 6, 7, 10, 11].map(largeSlices),
    proxy(8),
    proxy(9),
    ...Array.from({ length: 6 }, subscriber),
  ]);
  return { statuses, liveMessages, liveCloses };
}

function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
