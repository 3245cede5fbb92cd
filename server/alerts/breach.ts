/**
 * A breach as it leaves the filter: stored first (with the metric's recent path, for the alerts view's chart),
 * and its one-line Slack-compatible message for the webhook.
 */
import type { AlertEvent, AlertStore, StoredRule } from './store';

/** @example const event = await recordBreach(store, rule, 82.4, Date.now(), path); */
export function recordBreach(
  store: AlertStore,
  r: StoredRule,
  value: number,
  t: number,
  context: [number, number][],
): Promise<AlertEvent> {
  return store.addEvent({
    rule_id: r.id,
    rule_name: r.name,
    currency: r.currency,
    metric: r.metric,
    op: r.op,
    threshold: r.threshold,
    value,
    ts_ms: t,
    context,
  });
}

/** @example webhook.send(breachMessage(event)); // {text: ':rotating_light: BTC dvol > 80: 82.40 (rule "x") at …'} */
export function breachMessage(e: AlertEvent): { text: string } {
  return {
    text: `:rotating_light: ${e.currency} ${e.metric} ${e.op} ${e.threshold}: ${e.value.toFixed(2)} (rule "${e.rule_name}") at ${new Date(e.ts_ms).toISOString()}`,
  };
}
