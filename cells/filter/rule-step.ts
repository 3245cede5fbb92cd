/**
 * One rule stepped along a metric's path: it fires on a crossing, then stays quiet until the value is back by the
 * hysteresis band, and never twice within the cooldown, so a metric hovering at the line raises one alert.
 */
import type { AlertRule } from './rules';

/** Per-rule evaluator state: whether it may fire, and when it last did. */
export interface RuleState {
  armed: boolean;
  lastFiredAt: number;
}

export const newRuleState = (): RuleState => ({ armed: true, lastFiredAt: -Infinity });

/** The hysteresis band a rule uses. */
export function hysteresisOf(rule: AlertRule): number {
  return rule.hysteresis ?? Math.max(0.05 * Math.abs(rule.threshold), 0.01);
}

/** Whether `value` is past the rule's threshold. */
export function breaches(rule: AlertRule, value: number): boolean {
  switch (rule.op) {
    case '>':
      return value > rule.threshold;
    case '>=':
      return value >= rule.threshold;
    case '<':
      return value < rule.threshold;
    case '<=':
      return value <= rule.threshold;
  }
}

/**
 * One step of a rule at time `t` (ms) with the metric's `value`: true when it fires. It fires when armed and the
 * value crosses the line, outside the cooldown; it then disarms until the value is back by the hysteresis band
 * (below threshold − h for `>`, above threshold + h for `<`). A crossing inside the cooldown is swallowed (it
 * disarms too). NaN (no data, stale feed) changes nothing.
 *
 * @example
 * const rule = { name: 'r', currency: 'BTC', metric: 'dvol', op: '>', threshold: 80, cooldown_s: 0 };
 * const s = newRuleState();
 * [79, 81, 79.5, 80.5, 81, 70, 81].map((v, i) => stepRule(rule, s, v, i * 1000)); // → [false, true, false, false, false, false, true]
 */
export function stepRule(rule: AlertRule, s: RuleState, value: number, t: number): boolean {
  if (Number.isNaN(value)) return false;
  if (!s.armed) {
    const h = hysteresisOf(rule);
    const above = rule.op === '>' || rule.op === '>=';
    if (above ? value < rule.threshold - h : value > rule.threshold + h) s.armed = true;
    return false;
  }
  if (!breaches(rule, value)) return false;
  s.armed = false;
  if (t - s.lastFiredAt < (rule.cooldown_s ?? 300) * 1000) return false;
  s.lastFiredAt = t;
  return true;
}
