/**
 * The `live` builtin of notebook cells: `live.surface("BTC")` and `live.channel(name)` are Observable-style
 * generators (one promise per value, like `Generators.observe`) over the page's shared `LiveClient`. Values are
 * coalesced: a cell reading one reruns at most once per `minIntervalMs`, with the newest value. The runtime calls
 * `return()` when the cell is deleted or redefined or the notebook closes, which ends the subscription.
 */
import type { CompactSurface } from '../../server/contract';
import type { LiveClient } from './live-client';

/** The generator protocol the runtime pulls from (see `web/notebook/input-generator.ts`). */
export interface LiveGenerator<T> {
  next(): IteratorResult<Promise<T>, undefined>;
  return(): IteratorResult<Promise<T>, undefined>;
  throw(): IteratorResult<Promise<T>, undefined>;
  [Symbol.iterator](): LiveGenerator<T>;
}

/** Four updates a second at most: fast enough to watch, slow enough for a cell that redraws a chart. */
export const DEFAULT_MIN_INTERVAL_MS = 250;

/**
 * A coalescing generator over one channel.
 *
 * @example
 * const ticks = channelGenerator(sharedLiveClient(), 'ticker.BTC-PERPETUAL.100ms');
 * const first = await ticks.next().value;
 */
export function channelGenerator<T = unknown>(
  client: LiveClient,
  channel: string,
  minIntervalMs = DEFAULT_MIN_INTERVAL_MS,
): LiveGenerator<T> {
  let latest: { value: T } | null = null;
  let waiting: ((value: T) => void) | null = null;
  let failWaiting: ((error: Error) => void) | null = null;
  let failure: Error | null = null;
  let lastYield = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let done = false;

  const deliver = (): void => {
    if (!waiting || !latest) return;
    const wait = lastYield + minIntervalMs - Date.now();
    if (wait > 0) {
      timer ??= setTimeout(() => {
        timer = null;
        deliver();
      }, wait);
      return;
    }
    const resolve = waiting;
    const { value } = latest;
    waiting = null;
    latest = null;
    lastYield = Date.now();
    resolve(value);
  };
  const stop = client.subscribe(
    channel,
    (data) => {
      latest = { value: data as T };
      deliver();
    },
    (message) => {
      failure = new Error(`live: ${channel}: ${message}`);
      failWaiting?.(failure);
    },
  );

  const finished: IteratorResult<Promise<T>, undefined> = { done: true, value: undefined };
  const generator: LiveGenerator<T> = {
    next() {
      if (done) return finished;
      if (failure) return { done: false, value: Promise.reject(failure) };
      const value = new Promise<T>((resolve, reject) => {
        waiting = resolve;
        failWaiting = reject;
      });
      deliver();
      return { done: false, value };
    },
    return() {
      if (!done) {
        done = true;
        waiting = null;
        if (timer) clearTimeout(timer);
        stop();
      }
      return finished;
    },
    throw() {
      return generator.return();
    },
    [Symbol.iterator]: () => generator,
  };
  return generator;
}

/** What cells see as `live`. */
export interface LiveBuiltin {
  /** The fitted surface of `BTC` or `ETH` (`CompactSurface`: fits and points per expiry), as it updates. */
  surface(currency: string): LiveGenerator<CompactSurface>;
  /** Any channel the hub relays, e.g. `ticker.BTC-PERPETUAL.100ms` or `deribit_price_index.btc_usd`. */
  channel(name: string): LiveGenerator<unknown>;
}

/**
 * @example
 * const live = liveBuiltin(sharedLiveClient());
 * live.surface('BTC');
 */
export function liveBuiltin(client: LiveClient): LiveBuiltin {
  return {
    surface(currency) {
      const upper = String(currency).toUpperCase();
      if (upper !== 'BTC' && upper !== 'ETH')
        throw new Error(`live.surface: currency must be "BTC" or "ETH", not ${String(currency)}`);
      return channelGenerator<CompactSurface>(client, `surface.${upper}`);
    },
    channel(name) {
      if (typeof name !== 'string' || name === '')
        throw new Error(
          'live.channel: expected a channel name such as "ticker.BTC-PERPETUAL.100ms"',
        );
      return channelGenerator(client, name);
    },
  };
}
