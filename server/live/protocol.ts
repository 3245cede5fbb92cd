/**
 * The `/api/live` wire protocol. Client → server: `{op: 'subscribe' | 'unsubscribe', channels: [...]}` or
 * `{op: 'ping'}`. Server → client: `{type: 'data', channel, data}`, `{type: 'gap', channel, reason, since,
 * until}` (nothing could be received in [since, until]: rebuild state), `{type: 'subscribed' | 'unsubscribed',
 * channels}`, `{type: 'error', message, channels?}`, `{type: 'pong'}`.
 */

/**
 * Deribit's public channels the hub relays (the list), and the sidecar's own: `surface.*`, and the
 * desk's events `volatility_estimate`, `threshold_breach`, `portfolio_update` (channel name = event name).
 */
const CHANNEL =
  /^(?:(?:ticker|book)\.[A-Z0-9_]{2,20}(?:-[A-Za-z0-9]{1,12}){1,3}\.(?:100ms|agg2)|(?:markprice\.options|deribit_volatility_index|deribit_price_index)\.[a-z]{2,10}_usdc?|trades\.(?:option|future|any)\.[A-Z]{2,10}\.100ms|surface\.(?:BTC|ETH)|volatility_estimate|threshold_breach|portfolio_update)$/;

export const MAX_CHANNELS_PER_MESSAGE = 100;

/**
 * The largest client frame `/api/live` accepts, in bytes: a subscribe of `MAX_CHANNELS_PER_MESSAGE` channels
 * is under 8 KB, so 64 KiB is ample. Larger frames close the socket with 1009 (message too big) before they
 * are buffered, instead of the `ws` default of 100 MiB per frame.
 */
export const MAX_CLIENT_FRAME_BYTES = 64 * 1024;

/** Whether the hub relays this channel name. */
export function isLiveChannel(channel: string): boolean {
  return CHANNEL.test(channel);
}

export type ClientMessage =
  | { op: 'subscribe' | 'unsubscribe'; channels: string[] }
  | { op: 'ping' }
  | { op: 'error'; message: string };

/**
 * Parse one client frame; never throws (a bad frame becomes `{op: 'error'}`).
 *
 * @example
 * parseClientMessage('{"op":"subscribe","channels":["ticker.BTC-PERPETUAL.100ms"]}');
 */
export function parseClientMessage(text: unknown): ClientMessage {
  if (typeof text !== 'string') return { op: 'error', message: 'expected a text frame' };
  if (text.length > MAX_CLIENT_FRAME_BYTES) return { op: 'error', message: 'message too large' };
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    return { op: 'error', message: 'invalid JSON' };
  }
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg))
    return { op: 'error', message: 'expected an object' };
  const { op, channels } = msg as { op?: unknown; channels?: unknown };
  if (op === 'ping') return { op: 'ping' };
  if (op !== 'subscribe' && op !== 'unsubscribe')
    return { op: 'error', message: `invalid op: ${String(op)}` };
  if (
    !Array.isArray(channels) ||
    channels.length === 0 ||
    !channels.every((c) => typeof c === 'string')
  )
    return { op: 'error', message: 'invalid channels: expected a non-empty array of strings' };
  if (channels.length > MAX_CHANNELS_PER_MESSAGE)
    return { op: 'error', message: `invalid channels: at most ${MAX_CHANNELS_PER_MESSAGE}` };
  const bad = (channels as string[]).filter((c) => !isLiveChannel(c));
  if (bad.length > 0) return { op: 'error', message: `invalid channel: ${bad[0]!.slice(0, 120)}` };
  return { op, channels: [...new Set(channels as string[])] };
}

/** A server frame as text. */
export function frame(body: Record<string, unknown>): string {
  return JSON.stringify(body);
}
