/**
 * One WebSocket connection to the simulated exchange: JSON-RPC requests (`public/*`), subscriptions, and
 * Deribit's heartbeat: after `public/set_heartbeat` the server sends `test_request` every interval and closes
 * the socket when the previous one went unanswered by `public/test`.
 */
import type { WebSocket } from 'ws';
import { bookSnapshotData, notification, parseChannel } from './channels';
import type { Faults } from './faults';
import type { SimulatedMarket } from './market';
import { callMethod, RpcFault } from './methods';

export interface Session {
  readonly channels: ReadonlySet<string>;
  send(text: string): void;
  close(): void;
}

export interface SessionOptions {
  market: SimulatedMarket;
  faults: Faults;
  minHeartbeatSeconds: number;
  now: () => number;
}

type Req = { id?: unknown; method?: unknown; params?: unknown };

/** Attach the protocol to an open socket. */
export function createSession(ws: WebSocket, o: SessionOptions): Session {
  const channels = new Set<string>();
  /** Subscribed books stay live on the market however long nobody asks for them otherwise. */
  const watched = new Map<string, () => void>();
  const watch = (channel: string) => {
    if (channel.startsWith('book.') && !watched.has(channel))
      watched.set(channel, o.market.watchBook(channel.split('.')[1]!));
  };
  const unwatch = (channel: string) => {
    watched.get(channel)?.();
    watched.delete(channel);
  };
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let awaitingTest = false;
  const send = (text: string) => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(o.faults.take('malformed') ? text.slice(0, Math.max(1, text.length >> 1)) : text);
  };
  const envelope = (id: unknown, body: object) => {
    const us = o.now() * 1000;
    return JSON.stringify({
      jsonrpc: '2.0',
      id,
      ...body,
      usIn: us,
      usOut: us + 12,
      usDiff: 12,
      testnet: false,
    });
  };
  const reply = (id: unknown, body: object) => {
    const text = envelope(id, body);
    if (o.faults.take('slow')) setTimeout(() => send(text), o.faults.slowMs);
    else send(text);
  };

  const handle = (req: Req): unknown => {
    const method = typeof req.method === 'string' ? req.method : '';
    const params = (
      typeof req.params === 'object' && req.params !== null ? req.params : {}
    ) as Record<string, unknown>;
    switch (method) {
      case 'public/subscribe': {
        const list = Array.isArray(params.channels) ? params.channels.map(String) : [];
        const ok = list.filter((c) => {
          const spec = parseChannel(c, o.market.feed.currencies());
          return (
            spec &&
            ((spec.type !== 'ticker' && spec.type !== 'book') || o.market.quote(spec.instrument))
          );
        });
        for (const c of ok) {
          channels.add(c);
          watch(c);
        }
        queueMicrotask(() => {
          for (const c of ok)
            if (c.startsWith('book.'))
              send(notification(c, bookSnapshotData(o.market, c.split('.')[1]!)));
        });
        return ok;
      }
      case 'public/unsubscribe': {
        const list = Array.isArray(params.channels) ? params.channels.map(String) : [];
        for (const c of list) {
          channels.delete(c);
          unwatch(c);
        }
        return list;
      }
      case 'public/unsubscribe_all':
        for (const c of channels) unwatch(c);
        channels.clear();
        return 'ok';
      case 'public/set_heartbeat': {
        const interval = Number(params.interval);
        if (!(interval >= o.minHeartbeatSeconds))
          throw new RpcFault(-32602, 'Invalid params', {
            param: 'interval',
            reason: `must be ≥ ${o.minHeartbeatSeconds}`,
          });
        clearInterval(heartbeat);
        awaitingTest = false;
        heartbeat = setInterval(() => {
          if (awaitingTest) return ws.terminate();
          awaitingTest = true;
          send(
            JSON.stringify({
              jsonrpc: '2.0',
              method: 'heartbeat',
              params: { type: 'test_request' },
            }),
          );
        }, interval * 1000);
        return 'ok';
      }
      case 'public/disable_heartbeat':
        clearInterval(heartbeat);
        return 'ok';
      case 'public/test':
        awaitingTest = false;
        return { version: '1.2.26-simulated' };
      case 'public/hello':
        return { version: '1.2.26-simulated' };
      default:
        return callMethod(o.market, method, params);
    }
  };

  ws.on('message', (raw) => {
    let req: Req;
    try {
      req = JSON.parse(String(raw)) as Req;
      if (typeof req !== 'object' || req === null) throw new Error('not an object');
    } catch {
      return reply(null, { error: { code: -32700, message: 'Parse error' } });
    }
    if (o.faults.take('rateLimit'))
      return reply(req.id, { error: { code: 10028, message: 'too_many_requests' } });
    try {
      reply(req.id, { result: handle(req) });
    } catch (error) {
      if (error instanceof RpcFault)
        reply(req.id, { error: { code: error.code, message: error.message, data: error.data } });
      else reply(req.id, { error: { code: 11094, message: 'internal_server_error' } });
    }
  });
  ws.on('close', () => {
    clearInterval(heartbeat);
    for (const c of watched.keys()) unwatch(c);
  });

  return {
    channels,
    send,
    close: () => {
      clearInterval(heartbeat);
      ws.terminate();
    },
  };
}
