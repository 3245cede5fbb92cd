/** Several in-process channel providers behind the hub's one `local` port. */
import type { LiveLocalChannels } from './hub';

/**
 * The first provider that `has` a channel serves it.
 *
 * @example
 * createLiveHub({ connect, local: combineLocalChannels(surface.channels, alerts.channels) });
 */
export function combineLocalChannels(...ports: LiveLocalChannels[]): LiveLocalChannels {
  const owner = (channel: string) => ports.find((p) => p.has(channel));
  return {
    has: (channel) => owner(channel) !== undefined,
    subscribe: (channel, emit) => owner(channel)?.subscribe(channel, emit),
    unsubscribe: (channel) => owner(channel)?.unsubscribe(channel),
  };
}
