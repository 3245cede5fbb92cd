/**
 * Several services' server-published channels behind the hub's one `local` port: each channel goes to the first
 * port that has it (the surface's `surface.*`, the portfolio's `portfolio_update`, …).
 */
import type { LiveLocalChannels } from './hub';

/**
 * @example
 * createLiveHub({ connect, local: combineLocalChannels([surface.channels, portfolio.channels]) });
 */
export function combineLocalChannels(ports: readonly LiveLocalChannels[]): LiveLocalChannels {
  const owner = (channel: string) => ports.find((p) => p.has(channel));
  return {
    has: (channel) => owner(channel) !== undefined,
    subscribe: (channel, emit) => owner(channel)?.subscribe(channel, emit),
    unsubscribe: (channel) => owner(channel)?.unsubscribe(channel),
  };
}
