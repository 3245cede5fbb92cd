/**
 * Threshold rules on named volatility metrics: their shape and validation. Stepping a rule (hysteresis,
 * cooldown) is rule-step.ts; the z-score's trailing distribution is zscore.ts.
 */

export const BASE_METRICS = [
  'ar_estimate',
  'rv',
  'dvol',
  'atm_iv',
  'iv_rv',
  'rr25',
  'move',
] as const;
export type BaseMetric = (typeof BASE_METRICS)[number];
export type MetricName = BaseMetric | `zscore:${BaseMetric}`;
export const RULE_OPS = ['>', '>=', '<', '<='] as const;
export type RuleOp = (typeof RULE_OPS)[number];

/**
 * A rule as stored and sent. Volatility metrics are in vol points (55 = 55%), `move` in percent, `zscore:*`
 * in standard deviations. `window` (seconds): the span of `move` (default 3600) or the trailing distribution
 * of a z-score (default 86 400); no other metric takes one. `tenor_days` picks the expiry for `atm_iv`,
 * `rr25` and `iv_rv` (default 30). `hysteresis`: how far back past the threshold the metric must go before the
 * rule can fire again (default 5% of |threshold|, at least 0.01). `cooldown_s`: least time between two alerts
 * (default 300).
 */
export interface AlertRule {
  name: string;
  currency: string;
  metric: MetricName;
  op: RuleOp;
  threshold: number;
  window?: number;
  tenor_days?: number;
  hysteresis?: number;
  cooldown_s?: number;
  enabled?: boolean;
}

export type RuleCheck = { ok: true; rule: AlertRule } | { ok: false; error: string };

/** Grid of the live filter (window must be a whole number of these), and the longest window. */
export const RULE_GRID_S = 60;
export const MAX_WINDOW_S = 7 * 86_400;
const NONNEGATIVE: ReadonlySet<string> = new Set(['ar_estimate', 'rv', 'dvol', 'atm_iv']);
const KEYS = new Set([
  'name',
  'currency',
  'metric',
  'op',
  'threshold',
  'window',
  'tenor_days',
  'hysteresis',
  'cooldown_s',
  'enabled',
]);

/** The metric a rule reads (`zscore:rv` → `rv`) and whether it is a z-score. */
export function splitMetric(metric: MetricName): { base: BaseMetric; zscore: boolean } {
  return metric.startsWith('zscore:')
    ? { base: metric.slice(7) as BaseMetric, zscore: true }
    : { base: metric as BaseMetric, zscore: false };
}

/**
 * Check a rule's JSON; the error names the field and why.
 *
 * @example
 * validateRule({ name: 'calm break', currency: 'BTC', metric: 'dvol', op: '>', threshold: 80 }).ok; // → true
 * validateRule({ name: 'x', currency: 'BTC', metric: 'vix', op: '>', threshold: 1 }); // → { ok: false }
 */
export function validateRule(input: unknown): RuleCheck {
  const fail = (error: string): RuleCheck => ({ ok: false, error });
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return fail('a rule is a JSON object');
  const o = input as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!KEYS.has(key)) return fail(`unknown field: ${key}`);
  if (typeof o.name !== 'string' || o.name.trim() === '' || o.name.length > 120)
    return fail('name: a non-empty string of at most 120 characters');
  if (typeof o.currency !== 'string' || !/^[A-Z]{2,6}$/.test(o.currency))
    return fail('currency: e.g. "BTC"');
  if (typeof o.metric !== 'string') return fail('metric: a string');
  const base = o.metric.startsWith('zscore:') ? o.metric.slice(7) : o.metric;
  if (!(BASE_METRICS as readonly string[]).includes(base))
    return fail(
      `unknown metric: ${o.metric} (expected one of ${BASE_METRICS.join(', ')}, or zscore:<metric>)`,
    );
  const metric = o.metric as MetricName;
  const zscore = metric !== base;
  if (typeof o.op !== 'string' || !(RULE_OPS as readonly string[]).includes(o.op))
    return fail(`op: one of ${RULE_OPS.join(' ')}`);
  const op = o.op as RuleOp;
  if (typeof o.threshold !== 'number' || !Number.isFinite(o.threshold))
    return fail('threshold: a finite number');
  const rule: AlertRule = {
    name: o.name.trim(),
    currency: o.currency,
    metric,
    op,
    threshold: o.threshold,
  };
  if (o.window !== undefined) {
    if (!zscore && base !== 'move')
      return fail(`window: only move and zscore:<metric> take a window, not ${metric}`);
    if (
      typeof o.window !== 'number' ||
      !Number.isInteger(o.window) ||
      o.window < RULE_GRID_S ||
      o.window > MAX_WINDOW_S ||
      o.window % RULE_GRID_S !== 0
    )
      return fail(
        `bad window: ${String(o.window)} (seconds, a multiple of ${RULE_GRID_S} from ${RULE_GRID_S} to ${MAX_WINDOW_S})`,
      );
    rule.window = o.window;
  }
  if (o.tenor_days !== undefined) {
    if (!['atm_iv', 'rr25', 'iv_rv'].includes(base))
      return fail(`tenor_days: only atm_iv, rr25 and iv_rv take a tenor, not ${metric}`);
    if (typeof o.tenor_days !== 'number' || !(o.tenor_days > 0 && o.tenor_days <= 730))
      return fail('tenor_days: a number of days in (0, 730]');
    rule.tenor_days = o.tenor_days;
  }
  if (o.hysteresis !== undefined) {
    if (typeof o.hysteresis !== 'number' || !(o.hysteresis >= 0) || !Number.isFinite(o.hysteresis))
      return fail('hysteresis: a number ≥ 0');
    rule.hysteresis = o.hysteresis;
  }
  if (o.cooldown_s !== undefined) {
    if (typeof o.cooldown_s !== 'number' || !(o.cooldown_s >= 0 && o.cooldown_s <= MAX_WINDOW_S))
      return fail(`cooldown_s: seconds in [0, ${MAX_WINDOW_S}]`);
    rule.cooldown_s = o.cooldown_s;
  }
  if (o.enabled !== undefined) {
    if (typeof o.enabled !== 'boolean') return fail('enabled: true or false');
    rule.enabled = o.enabled;
  }
  if (!zscore && NONNEGATIVE.has(base)) {
    const always = (op === '>' && o.threshold < 0) || (op === '>=' && o.threshold <= 0);
    const never = (op === '<' && o.threshold <= 0) || (op === '<=' && o.threshold < 0);
    if (always)
      return fail(
        `${metric} ${op} ${o.threshold} would fire on every tick (${metric} is never negative)`,
      );
    if (never)
      return fail(`${metric} ${op} ${o.threshold} can never fire (${metric} is never negative)`);
  }
  return { ok: true, rule };
}
