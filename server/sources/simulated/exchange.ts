/**
 * The simulated exchange on loopback: Deribit's public REST (`/api/v2/public/<method>`) and WebSocket
 * (`/ws/api/v2`) JSON-RPC over a `SimulatedMarket`, plus fault injection. Ticks run on a timer
 * (`tickMs`) or by hand (`tick(t)`) for deterministic tests.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { WebSocketServer } from 'ws';
import { bookChangeData, channelData, notification, notifications, parseChannel } from './channels';
import { createFaults, type Faults } from './faults';
import type { SimulatedMarket, TickEvent } from './market';
import { callMethod, RpcFault } from './methods';
import { createSession, type Session } from './ws-session';

export interface ExchangeOptions {
  market: SimulatedMarket;
  host?: string;
  port?: number;
  /** Advance the market every `tickMs` on the wall clock; 0 = only by `tick()`. */
  tickMs?: number;
  now?: () => number;
  /** Deribit requires ≥ 10 s; tests use less. */
  minHeartbeatSeconds?: number;
  /** Extra routes (the simulated Gamma/CLOB) mounted on the same server. */
  extra?: Hono;
}

export interface SimulatedExchange {
  /** `http://127.0.0.1:PORT` (the `DERIBIT_URL` to use). */
  url: string;
  wsUrl: string;
  market: SimulatedMarket;
  faults: Faults;
  /** Advance to `t` (default: now) and publish. */
  tick(t?: number): TickEvent;
  dropSockets(): void;
  /**
   * Stop the wall-clock ticks (sockets stay open and heartbeats are answered, but no channel publishes): an
   * exchange gone silent, for tests of staleness. `resume()` ticks again, catching up in one step.
   */
  pause(): void;
  resume(): void;
  sessions(): number;
  close(): Promise<void>;
}

/**
 * @example
 * const ex = await startSimulatedExchange({market, tickMs: 100});
 * const deribit = createDeribitHttpClient({baseUrl: ex.url});
 */
export async function startSimulatedExchange(o: ExchangeOptions): Promise<SimulatedExchange> {
  const { market } = o;
  const faults = createFaults();
  const now = o.now ?? Date.now;
  const sessions = new Set<Session>();
  const app = new Hono();
  app.get('/api/v2/public/:method', async (c) => {
    const id = Number(c.req.query('id') ?? 0) || 0;
    if (faults.take('slow')) await new Promise((r) => setTimeout(r, faults.slowMs));
    if (faults.take('rateLimit'))
      return c.json(
        rpcBody(id, { error: { code: 10028, message: 'too_many_requests' } }, now),
        429,
      );
    if (faults.take('malformed'))
      return c.text('{"jsonrpc":"2.0","result":[', 200, { 'content-type': 'application/json' });
    try {
      return c.json(
        rpcBody(id, { result: callMethod(market, c.req.param('method'), c.req.query()) }, now),
      );
    } catch (error) {
      if (!(error instanceof RpcFault)) throw error;
      return c.json(
        rpcBody(id, { error: { code: error.code, message: error.message, data: error.data } }, now),
        400,
      );
    }
  });
  if (o.extra) app.route('/', o.extra);

  const server = createServer(getRequestListener(app.fetch));
  // JSON-RPC requests are small: refuse frames over 64 KiB (1009) rather than buffer up to ws's 100 MiB.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!req.url?.startsWith('/ws/api/v2')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const s = createSession(ws, {
        market,
        faults,
        now,
        minHeartbeatSeconds: o.minHeartbeatSeconds ?? 10,
      });
      sessions.add(s);
      ws.on('close', () => sessions.delete(s));
    });
  });

  const publish = (e: TickEvent) => {
    const cache = new Map<string, string[] | null>();
    const currencies = market.feed.currencies();
    const books = new Map<string, string[] | null>();
    for (const b of e.books)
      books.set(
        `book.${b.instrument_name}.100ms`,
        faults.take('skipChangeId')
          ? null
          : [notification(`book.${b.instrument_name}.100ms`, bookChangeData(b))],
      );
    for (const s of sessions)
      for (const channel of s.channels) {
        let texts = books.get(channel) ?? cache.get(channel);
        if (texts === undefined && !channel.startsWith('book.')) {
          const spec = parseChannel(channel, currencies);
          const data = spec ? channelData(market, spec, e) : undefined;
          texts = data === undefined || !spec ? null : notifications(channel, spec, data);
          cache.set(channel, texts);
        }
        for (const text of texts ?? []) s.send(text);
      }
  };
  market.onTick(publish);
  let paused = false;
  const timer = o.tickMs ? setInterval(() => paused || market.tick(now()), o.tickMs) : undefined;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = o.host ?? '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    wsUrl: `ws://${host}:${port}/ws/api/v2`,
    market,
    faults,
    tick: (t) => market.tick(t ?? now()),
    dropSockets() {
      for (const s of sessions) s.close();
    },
    pause: () => void (paused = true),
    resume: () => void (paused = false),
    sessions: () => sessions.size,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        for (const s of sessions) s.close();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function rpcBody(id: number, body: object, now: () => number) {
  const us = now() * 1000;
  return { jsonrpc: '2.0', id, ...body, usIn: us, usOut: us + 15, usDiff: 15, testnet: false };
}
