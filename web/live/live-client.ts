/**
 * One WebSocket to `/api/live` shared by the whole page: channels are reference-counted (a channel is
 * subscribed once however many listeners read it, and unsubscribed when the last one leaves), the socket
 * reconnects with exponential backoff while anyone listens and resubscribes everything on each new socket.
 * The protocol is `server/live/protocol.ts`'s; the token travels in the page's cookie.
 */

/** The part of the browser's `WebSocket` this client uses (a fake one in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(text: string): void;
  close(): void;
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: (() => void) | null;
  onerror: (() => void) | null;
}

/** Whether the feed is up, and since when it has been down (ms since the epoch; null while up). */
export interface LiveStatus {
  connected: boolean;
  downSince: number | null;
}

export type ChannelListener = (data: unknown) => void;
/** Told when the hub refuses the channel (e.g. a name it does not relay). */
export type ChannelErrorListener = (message: string) => void;

export interface LiveClientOptions {
  createSocket: () => SocketLike;
  /** First reconnect delay and its cap, ms; the delay doubles per failed attempt. */
  backoffMs?: number;
  maxBackoffMs?: number;
  now?: () => number;
}

const OPEN = 1;
/** The hub's `MAX_CHANNELS_PER_MESSAGE`. */
const CHANNELS_PER_MESSAGE = 100;

export class LiveClient {
  private readonly listeners = new Map<string, Set<ChannelListener>>();
  private readonly latest = new Map<string, unknown>();
  private readonly errorListeners = new Map<ChannelListener, ChannelErrorListener>();
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();
  private socket: SocketLike | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private status: LiveStatus;
  private readonly now: () => number;

  constructor(private readonly options: LiveClientOptions) {
    this.now = options.now ?? Date.now;
    this.status = { connected: false, downSince: null };
  }

  /**
   * Listen to a channel; the returned function stops listening. The channel's last value, if any, is
   * delivered at once.
   *
   * @example
   * const stop = client.subscribe('surface.BTC', (surface) => draw(surface));
   */
  subscribe(
    channel: string,
    listener: ChannelListener,
    onError?: ChannelErrorListener,
  ): () => void {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      this.sendOp('subscribe', [channel]);
    }
    set.add(listener);
    if (onError) this.errorListeners.set(listener, onError);
    if (this.latest.has(channel)) listener(this.latest.get(channel));
    this.ensureSocket();
    return () => this.unsubscribe(channel, listener);
  }

  /** Follow the connection's state; the current state is delivered at once. */
  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  /** Channels with at least one listener. */
  channels(): string[] {
    return [...this.listeners.keys()];
  }

  private unsubscribe(channel: string, listener: ChannelListener): void {
    const set = this.listeners.get(channel);
    this.errorListeners.delete(listener);
    if (!set?.delete(listener) || set.size > 0) return;
    this.listeners.delete(channel);
    this.latest.delete(channel);
    this.sendOp('unsubscribe', [channel]);
  }

  private sendOp(op: 'subscribe' | 'unsubscribe', channels: string[]): void {
    if (this.socket?.readyState !== OPEN) return; // sent by `onopen` instead
    for (let i = 0; i < channels.length; i += CHANNELS_PER_MESSAGE)
      this.socket.send(
        JSON.stringify({ op, channels: channels.slice(i, i + CHANNELS_PER_MESSAGE) }),
      );
  }

  private ensureSocket(): void {
    if (this.socket || this.reconnectTimer || this.listeners.size === 0) return;
    const socket = this.options.createSocket();
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      this.setStatus({ connected: true, downSince: null });
      this.sendOp('subscribe', this.channels());
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onerror = () => socket.close();
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.status.connected || this.status.downSince === null)
        this.setStatus({ connected: false, downSince: this.now() });
      const base = this.options.backoffMs ?? 500;
      const delay = Math.min(base * 2 ** this.attempts, this.options.maxBackoffMs ?? 10_000);
      this.attempts += 1;
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = null;
        this.ensureSocket();
      }, delay);
    };
  }

  private receive(text: unknown): void {
    if (typeof text !== 'string') return;
    let message: {
      type?: unknown;
      channel?: unknown;
      data?: unknown;
      message?: unknown;
      channels?: unknown;
    };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return; // a malformed frame is dropped; the next one carries the full state again
    }
    if (message.type === 'error' && Array.isArray(message.channels)) {
      for (const channel of message.channels as unknown[])
        for (const listener of this.listeners.get(String(channel)) ?? [])
          this.errorListeners.get(listener)?.(String(message.message));
      return;
    }
    if (message.type !== 'data' || typeof message.channel !== 'string') return;
    const set = this.listeners.get(message.channel);
    if (!set) return;
    this.latest.set(message.channel, message.data);
    for (const listener of [...set]) listener(message.data);
  }

  private setStatus(status: LiveStatus): void {
    this.status = status;
    for (const listener of [...this.statusListeners]) listener(status);
  }
}

let shared: LiveClient | null = null;

/** The page's one client, connected to this origin's `/api/live` on first use. */
export function sharedLiveClient(): LiveClient {
  shared ??= new LiveClient({
    createSocket: () =>
      new WebSocket(
        `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`,
      ) as unknown as SocketLike,
  });
  return shared;
}
