/**
 * `/api/stats`: `GET /realtime` is the sidecar's live load (messages per second and feed age per channel, trades
 * processed, connected clients) and the volatility filter's state per currency with its number of rules. Thin:
 * it samples the hub's counters and keeps the previous sample, so each answer's rates cover the time since the
 * one before (see `server/stats/realtime.ts`).
 */
import { Hono } from 'hono';
import type { AlertService } from '../alerts/service';
import type { LiveHub } from '../live/hub';
import { realtimeStats, type HubSample } from '../stats/realtime';

/** @example app.route('/api/stats', statsRoutes({ live, alerts })); */
export function statsRoutes(o: {
  live?: LiveHub;
  alerts?: AlertService;
  currencies?: readonly string[];
  now?: () => number;
}): Hono {
  // The hub's clock when there is a hub, so rates and ages are measured on the clock that stamped them.
  const now = o.now ?? o.live?.now ?? Date.now;
  const currencies = o.currencies ?? ['BTC', 'ETH'];
  let previous: HubSample | null = null;
  const sample = (live: LiveHub): HubSample => ({
    at: now(),
    clients: live.clients,
    messages: live.stats.messages,
    trades: live.stats.trades,
    // A copy: the hub's counters keep moving.
    byChannel: new Map([...live.stats.byChannel].map(([k, v]) => [k, { ...v }])),
  });
  const app = new Hono();
  app.get('/realtime', async (c) => {
    const current = o.live ? sample(o.live) : null;
    const filter = o.alerts
      ? {
          rules: (await o.alerts.rules.list()).length,
          estimates: currencies.map(
            (k) => [k, o.alerts!.estimate(k)] as [string, ReturnType<AlertService['estimate']>],
          ),
        }
      : null;
    const body = realtimeStats({ current, previous, filter, now: current?.at ?? now() });
    previous = current;
    return c.json(body);
  });
  return app;
}
