/**
 * The live volatility filter: `cells/filter` run on the index prices the surface service already receives (no
 * second upstream socket), once per currency, from the first enabled rule or channel subscriber on. Every
 * `tickMs` (1 s) it publishes a `volatility_estimate` (estimate.ts) and evaluates the enabled rules; a breach
 * is stored first, then sent as `threshold_breach` and queued for the webhook (breach.ts). While the index feed is stale the estimate says so and no rule is evaluated. The AR is refit every
 * `refitMs` (10 min) on the kept log-RV history.
 */
import {
  createRuleRunner,
  runRule,
  volFilter,
  type RuleRunner,
  type VolFilterOptions,
  type VolFilterState,
} from '../../cells/filter';
import type { VolatilityEstimateWire } from '../contract/alerts';
import type { LiveLocalChannels } from '../live/hub';
import type { WsEvent } from '../sources/deribit/ws-client';
import type { SurfaceCurrency, SurfaceState } from '../contract';
import { liveMetric } from './metrics';
import { estimateEvent } from './estimate';
import { breachMessage, recordBreach } from './breach';
import { ruleAdmin } from './rule-admin';
import type { AlertEvent, AlertQuery, AlertStore, StoredRule } from './store';
import type { WebhookNotifier } from './webhook';

export const ESTIMATE_CHANNEL = 'volatility_estimate';
export const BREACH_CHANNEL = 'threshold_breach';

/** What the service reads of the market (a `SurfaceService` fits). */
export interface AlertMarket {
  onIndex(currency: SurfaceCurrency, listener: (price: number, at: number) => void): () => void;
  latest(currency: SurfaceCurrency): Promise<SurfaceState>;
}

/** The `data` of a `volatility_estimate` event (the wire type). */
export type VolatilityEstimateEvent = VolatilityEstimateWire;

export interface AlertServiceOptions {
  store: AlertStore;
  market?: AlertMarket;
  currencies?: SurfaceCurrency[];
  webhook?: WebhookNotifier;
  now?: () => number;
  every?: (ms: number, fn: () => void) => () => void;
  tickMs?: number;
  refitMs?: number;
  /** The filter's options; `staleAfterMs` defaults to 15 s here (the index ticks about once a second). */
  filter?: VolFilterOptions;
}

export { RuleError } from './rule-admin';

const defaultEvery = (ms: number, fn: () => void) => {
  const timer = setInterval(fn, ms);
  timer.unref?.();
  return () => clearInterval(timer);
};
const CONTEXT = 120;

interface Live {
  runner: RuleRunner;
  stored: StoredRule;
  /** The metric's recent path, for the breach's context chart. */
  path: [number, number][];
}

/** @example const alerts = await createAlertService({ store, market: surface }); hub local: alerts.channels */
export async function createAlertService(o: AlertServiceOptions) {
  const now = o.now ?? Date.now;
  const every = o.every ?? defaultEvery;
  const currencies = o.currencies ?? ['BTC', 'ETH'];
  const filterOptions: VolFilterOptions = { staleAfterMs: 15_000, ...o.filter };
  const gridS = (filterOptions.gridMs ?? 60_000) / 1000;
  const filters = new Map<string, VolFilterState>(
    currencies.map((c) => [c, volFilter.init(filterOptions)]),
  );
  const rules = new Map<string, Live>();
  const emitters = new Map<string, (e: WsEvent) => void>();
  const latestEstimate = new Map<string, VolatilityEstimateEvent>();
  const stats = { ticks: 0, breaches: 0, evaluations: 0, errors: 0 };
  const stops: (() => void)[] = [];

  // The market is followed on demand, like the surface itself: from the first enabled rule (rules are durable,
  // so a restart with rules follows at once) or the first subscriber to a channel; never stopped after.
  let following = false;
  const follow = () => {
    if (following || !o.market) return;
    following = true;
    for (const c of currencies)
      stops.push(
        o.market.onIndex(c, (price, at) => void volFilter.add(filters.get(c)!, at, price)),
      );
  };
  const install = (stored: StoredRule) => {
    rules.set(stored.id, { runner: createRuleRunner(stored, gridS), stored, path: [] });
    if (stored.enabled !== false) follow();
  };
  for (const r of await o.store.listRules()) install(r);

  const publish = (channel: string, data: unknown) =>
    emitters.get(channel)?.({ type: 'data', channel, data });

  const surfaceOf = async (c: SurfaceCurrency): Promise<SurfaceState | null> => {
    if (!o.market || !following) return null;
    try {
      const s = await o.market.latest(c);
      return s.stale ? null : s;
    } catch {
      return null;
    }
  };

  const breach = async (live: Live, value: number, t: number) => {
    const event = await recordBreach(o.store, live.stored, value, t, live.path.slice());
    stats.breaches++;
    publish(BREACH_CHANNEL, event);
    o.webhook?.send(breachMessage(event));
  };

  const tick = async (): Promise<void> => {
    if (!following) return;
    const t = now();
    stats.ticks++;
    for (const c of currencies) {
      const f = filters.get(c)!;
      if (!f.fit && f.logRvCount >= f.arMinSamples) volFilter.refit(f);
      const e = volFilter.value(f, t);
      const mine = [...rules.values()].filter(
        (l) => l.stored.currency === c && l.stored.enabled !== false,
      );
      const s = await surfaceOf(c);
      const estimate = estimateEvent(c, t, e, f, s);
      latestEstimate.set(c, estimate);
      publish(ESTIMATE_CHANNEL, estimate);
      if (e.stale) continue;
      for (const live of mine) {
        const v = liveMetric(live.stored, live.runner.base, f, e, s, gridS);
        const { value, fired } = runRule(live.runner, v, t, f.closeCount);
        stats.evaluations++;
        if (Number.isFinite(value)) {
          live.path.push([t, value]);
          if (live.path.length > CONTEXT) live.path.shift();
        }
        if (fired)
          await breach(live, value, t).catch(() => {
            stats.errors++;
          });
      }
    }
  };

  let ticking: Promise<void> | null = null;
  stops.push(
    every(o.tickMs ?? 1000, () => {
      ticking ??= tick().finally(() => (ticking = null));
    }),
  );
  stops.push(
    every(o.refitMs ?? 600_000, () => {
      for (const f of filters.values()) volFilter.refit(f);
    }),
  );

  return {
    tick,
    estimate: (currency: string) => latestEstimate.get(currency) ?? null,
    stats,
    channels: {
      has: (channel) => channel === ESTIMATE_CHANNEL || channel === BREACH_CHANNEL,
      subscribe: (channel, emit) => {
        emitters.set(channel, emit);
        follow();
      },
      unsubscribe: (channel) => void emitters.delete(channel),
    } satisfies LiveLocalChannels,
    rules: ruleAdmin({
      store: o.store,
      currencies,
      now,
      install,
      uninstall: (id) => rules.delete(id),
    }),
    alerts: {
      list: (q: AlertQuery) => o.store.listEvents(q),
      ack: (id: number): Promise<AlertEvent | null> => o.store.ack(id, now()),
    },
    close() {
      for (const stop of stops) stop();
      o.webhook?.close();
    },
  };
}

export type AlertService = Awaited<ReturnType<typeof createAlertService>>;
