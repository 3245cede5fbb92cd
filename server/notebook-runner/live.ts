/**
 * The `live` builtin of a headless run: the same `live.surface(currency)` / `live.channel(name)` as the
 * browser's, as generators that yield one value (what `source` reads now) and end. A headless run settles
 * when every cell has a value, so a live cell must not wait for a second one; a cell that builds a history
 * from it gets its first point.
 */
import type { SurfaceCurrency } from '../contract/surface';
import type { LiveBuiltin, LiveGenerator } from '../../web/live/live-generator';
import type { HeadlessLiveSource } from './simulated-live';

/**
 * A generator of the one value `read` resolves to.
 *
 * @example
 * const g = onceGenerator(() => Promise.resolve(42));
 * await g.next().value; // 42; then g.next().done === true
 */
export function onceGenerator<T>(read: () => Promise<T>): LiveGenerator<T> {
  let given = false;
  const finished: IteratorResult<Promise<T>, undefined> = { done: true, value: undefined };
  const generator: LiveGenerator<T> = {
    next() {
      if (given) return finished;
      given = true;
      return { done: false, value: read() };
    },
    return() {
      given = true;
      return finished;
    },
    throw: () => generator.return(),
    [Symbol.iterator]: () => generator,
  };
  return generator;
}

/**
 * @example
 * const live = headlessLiveBuiltin(simulatedLiveSource(datasetsDir));
 * const s = await live.surface('BTC').next().value;
 */
export function headlessLiveBuiltin(source: HeadlessLiveSource): LiveBuiltin {
  return {
    surface(currency) {
      const upper = String(currency).toUpperCase();
      if (upper !== 'BTC' && upper !== 'ETH')
        throw new Error(`live.surface: currency must be "BTC" or "ETH", not ${String(currency)}`);
      return onceGenerator(() => source.surface(upper as SurfaceCurrency));
    },
    channel(name) {
      if (typeof name !== 'string' || name === '')
        throw new Error(
          'live.channel: expected a channel name such as "ticker.BTC-PERPETUAL.100ms"',
        );
      return onceGenerator(() => source.channel(name));
    },
  };
}
