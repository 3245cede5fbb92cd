/**
 * The `portfolio_update` channel for the `/api/live` hub: while a client listens, the book is re-marked once a
 * second and its summary sent when it changed (compared without the clock and the marks' ages, so an unchanged
 * book is not re-sent every second). A marking still running when the next second comes is not doubled up.
 */
import type { PortfolioSummaryWire } from '../contract/portfolio';
import type { LiveLocalChannels } from '../live/hub';

export const PORTFOLIO_CHANNEL = 'portfolio_update';

/**
 * @example
 * const channel = portfolioChannel(async () => summarize(await markBook(...)), every);
 * hub.local = channel; // subscribe('portfolio_update', emit) starts the updates
 */
export function portfolioChannel(
  summary: () => Promise<PortfolioSummaryWire>,
  every: (ms: number, fn: () => void) => () => void,
): LiveLocalChannels & { close(): void } {
  const stops = new Map<string, () => void>();
  return {
    has: (channel) => channel === PORTFOLIO_CHANNEL,
    subscribe(channel, emit) {
      stops.get(channel)?.();
      let last = '';
      let busy = false;
      const cycle = () => {
        if (busy) return;
        busy = true;
        summary()
          .then((data) => {
            const key = JSON.stringify({ ...data, as_of: 0, oldest_mark_age_ms: 0 });
            if (key === last) return;
            last = key;
            emit({ type: 'data', channel, data });
          })
          .catch(() => undefined)
          .finally(() => (busy = false));
      };
      cycle();
      stops.set(channel, every(1000, cycle));
    },
    unsubscribe(channel) {
      stops.get(channel)?.();
      stops.delete(channel);
    },
    close() {
      for (const stop of stops.values()) stop();
      stops.clear();
    },
  };
}
