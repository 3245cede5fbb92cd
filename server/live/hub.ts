/**
 * The `/api/live` fan-out: browser clients subscribe to Deribit channels; each channel is subscribed upstream
 * once, however many clients want it, and unsubscribed when the last one leaves. Every upstream message is
 * serialized once and the same text is written to each subscriber; a client whose send buffer exceeds
 * `maxBufferedBytes` is dropped instead of being buffered without bound. Gap markers from the upstream client
 * (reconnects) and from the book relay (change_id gaps) are forwarded to the channel's subscribers.
 */
import type { WsEvent } from '../sources/deribit/ws-client';
import { createBookRelay } from './books';
import { frame, parseClientMessage } from './protocol';
import { withTimeout } from '../util/with-timeout';

/** What the hub needs from a client socket (a `ws` WebSocket fits). */
export interface LiveSocket {
  send(text: string): void;
  readonly bufferedAmount: number;
  /** Drop the connection now (slow consumer, shutdown). */
  terminate(): void;
}

/** What the hub needs upstream (a `DeribitWsClient` fits). */
export interface LiveUpstream {
  subscribe(channels: readonly string[]): Promise<string[]>;
  unsubscribe(channels: readonly string[]): Promise<void>;
  resubscribe(channels: readonly string[]): Promise<void>;
  /** Resolves once connected. */
  ready(): Promise<void>;
  on(listener: (e: WsEvent) => void): () => void;
  close(): void;
}

/** Channels served in-process (e.g. `surface.BTC`), not by the exchange. */
export interface LiveLocalChannels {
  has(channel: string): boolean;
  /** The first client subscribed: start emitting `data` and `gap` events for `channel`. */
  subscribe(channel: string, emit: (e: WsEvent) => void): void;
  /** The last client left. */
  unsubscribe(channel: string): void;
}

export interface LiveHubOptions {
  /** Opens the upstream connection; called on the first subscription, not before. */
  connect: () => LiveUpstream;
  local?: LiveLocalChannels;
  /** Default 1 MiB. */
  maxBufferedBytes?: number;
  /** Default 200. */
  maxChannelsPerClient?: number;
  /** How long a subscription waits for the upstream connection (default 10 s). */
  connectTimeoutMs?: number;
  now?: () => number;
}

export interface LiveClient {
  /** A text frame from the client. */
  receive(text: unknown): void;
  /** The socket closed. */
  close(): void;
}

/** Counters since the hub started; `byChannel` per data channel (first and last message, wall clock). */
export interface LiveHubStats {
  messages: number;
  delivered: number;
  dropped: number;
  /** Trades in `trades.*` messages (each message carries a batch). */
  trades: number;
  byChannel: Map<string, { messages: number; firstAt: number; lastAt: number }>;
}

export interface LiveHub {
  attach(socket: LiveSocket): LiveClient;
  readonly clients: number;
  /** Channels subscribed upstream (or being subscribed). */
  channels(): string[];
  readonly stats: LiveHubStats;
  /** The hub's clock (the one `stats` is stamped with). */
  now(): number;
  close(): void;
}

/**
 * @example
 * const hub = createLiveHub({connect: () => createDeribitWsClient({url: ex.wsUrl, heartbeatSeconds: 10})});
 * const client = hub.attach(socket);
 * client.receive('{"op":"subscribe","channels":["deribit_price_index.btc_usd"]}');
 */
export function createLiveHub(o: LiveHubOptions): LiveHub {
  const maxBuffered = o.maxBufferedBytes ?? 1024 * 1024;
  const maxChannels = o.maxChannelsPerClient ?? 200;
  const now = o.now ?? Date.now;
  const subs = new Map<string, Set<LiveSocket>>();
  const pending = new Map<string, Promise<boolean>>();
  const sockets = new Map<LiveSocket, Set<string>>();
  const books = createBookRelay();
  const stats: LiveHubStats = {
    messages: 0,
    delivered: 0,
    dropped: 0,
    trades: 0,
    byChannel: new Map(),
  };
  const count = (channel: string, data: unknown) => {
    stats.messages++;
    const t = now();
    const c = stats.byChannel.get(channel);
    if (c) {
      c.messages++;
      c.lastAt = t;
    } else stats.byChannel.set(channel, { messages: 1, firstAt: t, lastAt: t });
    if (channel.startsWith('trades.') && Array.isArray(data)) stats.trades += data.length;
  };
  let upstream: LiveUpstream | null = null;

  const drop = (s: LiveSocket) => {
    if (!sockets.has(s)) return;
    stats.dropped++;
    detach(s);
    s.terminate();
  };
  const deliver = (s: LiveSocket, text: string) => {
    if (s.bufferedAmount > maxBuffered) return drop(s);
    s.send(text);
    stats.delivered++;
  };
  const broadcast = (channel: string | null, text: string) => {
    const targets = channel === null ? [...sockets.keys()] : [...(subs.get(channel) ?? [])];
    for (const s of targets) deliver(s, text);
  };

  const onUpstream = (e: WsEvent) => {
    if (e.type === 'gap') {
      if (e.channel?.startsWith('book.')) books.reset(e.channel);
      broadcast(e.channel, frame({ ...e }));
      return;
    }
    if (e.type !== 'data' || !subs.has(e.channel)) return;
    if (e.channel.startsWith('book.')) {
      const step = books.apply(e.channel, e.data);
      if (step.kind === 'drop') return;
      if (step.kind === 'gap') {
        const t = now();
        broadcast(
          e.channel,
          frame({ type: 'gap', channel: e.channel, reason: 'change_id', since: t, until: t }),
        );
        upstream?.resubscribe([e.channel]).catch(() => {});
        return;
      }
    }
    count(e.channel, e.data);
    broadcast(e.channel, frame({ type: 'data', channel: e.channel, data: e.data }));
  };
  const ensureUpstream = () => {
    if (!upstream) {
      upstream = o.connect();
      upstream.on(onUpstream);
    }
    return upstream;
  };

  const onLocal = (e: WsEvent) => {
    if (e.type === 'data' && subs.has(e.channel)) count(e.channel, e.data);
    if (e.type === 'data' || e.type === 'gap') broadcast(e.channel, frame({ ...e }));
  };

  const release = (channel: string, s: LiveSocket) => {
    const set = subs.get(channel);
    if (!set?.delete(s) || set.size > 0) return;
    subs.delete(channel);
    if (o.local?.has(channel)) return o.local.unsubscribe(channel);
    books.reset(channel);
    if (!pending.has(channel)) upstream?.unsubscribe([channel]).catch(() => {});
  };
  const detach = (s: LiveSocket) => {
    const mine = sockets.get(s);
    if (!mine) return;
    sockets.delete(s);
    for (const c of mine) release(c, s);
  };

  /** Subscribe upstream once per channel; resolves whether the exchange accepted it. */
  const acquire = (channel: string): Promise<boolean> => {
    const inflight = pending.get(channel);
    if (inflight) return inflight;
    if (subs.has(channel) && subs.get(channel)!.size > 1) return Promise.resolve(true);
    if (o.local?.has(channel)) {
      o.local.subscribe(channel, onLocal);
      return Promise.resolve(true);
    }
    const up = ensureUpstream();
    const p = withTimeout(up.ready(), o.connectTimeoutMs ?? 10_000, 'upstream not connected')
      .then(() => up.subscribe([channel]))
      .then(
        (ok) => ok.includes(channel),
        () => false,
      )
      .then((accepted) => {
        pending.delete(channel);
        if (accepted && !subs.has(channel)) upstream?.unsubscribe([channel]).catch(() => {});
        return accepted;
      });
    pending.set(channel, p);
    return p;
  };

  const subscribe = async (s: LiveSocket, channels: string[]) => {
    const mine = sockets.get(s)!;
    const fresh = channels.filter((c) => !mine.has(c));
    if (mine.size + fresh.length > maxChannels)
      return deliver(
        s,
        frame({ type: 'error', message: `too many channels (max ${maxChannels})` }),
      );
    for (const c of fresh) {
      mine.add(c);
      if (!subs.has(c)) subs.set(c, new Set());
      subs.get(c)!.add(s);
    }
    const results = await Promise.all(fresh.map(async (c) => [c, await acquire(c)] as const));
    if (!sockets.has(s)) return;
    const rejected = results.filter(([, ok]) => !ok).map(([c]) => c);
    for (const c of rejected) {
      mine.delete(c);
      release(c, s);
    }
    const accepted = channels.filter((c) => !rejected.includes(c));
    deliver(s, frame({ type: 'subscribed', channels: accepted }));
    if (rejected.length > 0)
      deliver(s, frame({ type: 'error', message: 'subscription failed', channels: rejected }));
    // A late joiner of a book channel gets the relayed book as its own snapshot.
    for (const c of fresh)
      if (c.startsWith('book.') && !rejected.includes(c)) {
        const snap = books.snapshot(c);
        if (snap) deliver(s, frame({ type: 'data', channel: c, data: snap }));
      }
  };

  return {
    attach(s) {
      sockets.set(s, new Set());
      return {
        receive(text) {
          if (!sockets.has(s)) return;
          const msg = parseClientMessage(text);
          if (msg.op === 'error') return deliver(s, frame({ type: 'error', message: msg.message }));
          if (msg.op === 'ping') return deliver(s, frame({ type: 'pong' }));
          if (msg.op === 'subscribe') return void subscribe(s, msg.channels);
          const mine = sockets.get(s)!;
          for (const c of msg.channels) if (mine.delete(c)) release(c, s);
          deliver(s, frame({ type: 'unsubscribed', channels: msg.channels }));
        },
        close: () => detach(s),
      };
    },
    get clients() {
      return sockets.size;
    },
    channels: () => [...new Set([...subs.keys(), ...pending.keys()])],
    stats,
    now,
    close() {
      for (const s of [...sockets.keys()]) {
        detach(s);
        s.terminate();
      }
      upstream?.close();
      upstream = null;
    },
  };
}
