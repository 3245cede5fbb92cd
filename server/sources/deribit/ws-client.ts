/**
 * Deribit's WebSocket JSON-RPC (`{baseUrl}/ws/api/v2`): requests by id, `public/subscribe`, heartbeats
 * (every `test_request` answered with `public/test`), reconnection with jittered exponential backoff that
 * resubscribes every channel, and a consumer stream with explicit gap markers: after a reconnect each
 * channel gets `{type: 'gap', since, until}` covering the time nothing could be received.
 */
import WebSocket from 'ws';
import { backoffDelay, clockSeededRandom, type BackoffPolicy } from './retry';
import { DeribitError, DeribitTransportError } from './rpc';

export type WsEvent =
  | { type: 'data'; channel: string; data: unknown }
  | {
      type: 'gap';
      channel: string | null;
      reason: 'reconnect' | 'change_id' | 'malformed';
      since: number;
      until: number;
    }
  | { type: 'open'; reconnect: boolean }
  | { type: 'close'; code: number };

export interface DeribitWsOptions {
  /** `wss://www.deribit.com/ws/api/v2` or the simulated exchange's `wsUrl`. */
  url: string;
  /** Seconds; 0 disables `public/set_heartbeat`. Deribit's minimum is 10. */
  heartbeatSeconds?: number;
  backoff?: Omit<BackoffPolicy, 'retries'>;
  random?: () => number;
  requestTimeoutMs?: number;
  now?: () => number;
}

export interface DeribitWsClient {
  call(method: string, params?: Record<string, unknown>): Promise<unknown>;
  subscribe(channels: readonly string[]): Promise<string[]>;
  unsubscribe(channels: readonly string[]): Promise<void>;
  /** Unsubscribe and subscribe again: the exchange resends snapshots. */
  resubscribe(channels: readonly string[]): Promise<void>;
  on(listener: (e: WsEvent) => void): () => void;
  /** Resolves once connected (again). */
  ready(): Promise<void>;
  readonly reconnects: number;
  close(): void;
}

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
};

/**
 * @example
 * const ws = createDeribitWsClient({url: ex.wsUrl, heartbeatSeconds: 10});
 * ws.on((e) => e.type === 'data' && console.log(e.channel, e.data));
 * await ws.subscribe(['ticker.BTC-PERPETUAL.100ms']);
 */
export function createDeribitWsClient(o: DeribitWsOptions): DeribitWsClient {
  const backoff = o.backoff ?? { baseMs: 250, maxMs: 10_000 };
  const random = o.random ?? clockSeededRandom();
  const now = o.now ?? Date.now;
  const listeners = new Set<(e: WsEvent) => void>();
  const pending = new Map<number, Pending>();
  const channels = new Set<string>();
  let socket: WebSocket | null = null;
  let nextId = 1;
  let attempt = 0;
  let reconnects = 0;
  let closed = false;
  let lostAt: number | null = null;
  let waiters: (() => void)[] = [];
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const emit = (e: WsEvent) => {
    for (const l of listeners) l(e);
  };

  const send = (method: string, params: Record<string, unknown> = {}): Promise<unknown> => {
    const s = socket;
    if (!s || s.readyState !== WebSocket.OPEN)
      return Promise.reject(new DeribitTransportError('not connected'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new DeribitTransportError(`timeout: ${method}`, true));
      }, o.requestTimeoutMs ?? 10_000);
      pending.set(id, { resolve, reject, timer });
      s.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  };

  const onMessage = (raw: WebSocket.RawData) => {
    let msg: {
      id?: number;
      method?: string;
      params?: { channel?: string; data?: unknown; type?: string };
      result?: unknown;
      error?: { code: number; message: string; data?: unknown };
    };
    try {
      msg = JSON.parse(String(raw));
    } catch {
      return emit({ type: 'gap', channel: null, reason: 'malformed', since: now(), until: now() });
    }
    if (msg.method === 'heartbeat') {
      if (msg.params?.type === 'test_request') void send('public/test').catch(() => {});
      return;
    }
    if (msg.method === 'subscription' && typeof msg.params?.channel === 'string') {
      if (channels.has(msg.params.channel))
        emit({ type: 'data', channel: msg.params.channel, data: msg.params.data });
      return;
    }
    const p = typeof msg.id === 'number' ? pending.get(msg.id) : undefined;
    if (!p) return;
    pending.delete(msg.id!);
    clearTimeout(p.timer);
    if (msg.error) p.reject(new DeribitError(msg.error.code, msg.error.message, msg.error.data));
    else p.resolve(msg.result);
  };

  const connect = () => {
    const s = new WebSocket(o.url);
    socket = s;
    s.on('message', onMessage);
    s.on('error', () => {});
    s.on('open', () => {
      const reconnect = lostAt !== null;
      attempt = 0;
      void (async () => {
        try {
          if (o.heartbeatSeconds)
            await send('public/set_heartbeat', { interval: o.heartbeatSeconds });
          if (channels.size > 0) await send('public/subscribe', { channels: [...channels] });
        } catch {
          s.terminate();
          return;
        }
        if (reconnect) {
          const until = now();
          for (const c of channels)
            emit({ type: 'gap', channel: c, reason: 'reconnect', since: lostAt!, until });
          lostAt = null;
        }
        emit({ type: 'open', reconnect });
        for (const w of waiters) w();
        waiters = [];
      })();
    });
    s.on('close', (code) => {
      if (socket === s) socket = null;
      for (const [id, p] of pending) {
        clearTimeout(p.timer);
        p.reject(new DeribitTransportError('connection closed'));
        pending.delete(id);
      }
      lostAt ??= now();
      emit({ type: 'close', code });
      if (closed) return;
      reconnects++;
      retryTimer = setTimeout(connect, backoffDelay(attempt++, { ...backoff, retries: 0 }, random));
    });
  };
  connect();

  return {
    call: send,
    async subscribe(list) {
      const added = list.filter((c) => !channels.has(c));
      for (const c of added) channels.add(c);
      let ok: string[];
      try {
        ok = (await send('public/subscribe', { channels: [...list] })) as string[];
      } catch (error) {
        for (const c of added) channels.delete(c);
        throw error;
      }
      for (const c of list) if (!ok.includes(c)) channels.delete(c);
      return ok;
    },
    async unsubscribe(list) {
      for (const c of list) channels.delete(c);
      await send('public/unsubscribe', { channels: [...list] });
    },
    async resubscribe(list) {
      await send('public/unsubscribe', { channels: [...list] });
      await send('public/subscribe', { channels: [...list] });
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready: () =>
      socket?.readyState === WebSocket.OPEN && lostAt === null
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push(resolve)),
    get reconnects() {
      return reconnects;
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      socket?.close();
    },
  };
}
