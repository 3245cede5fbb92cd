import { splitMetric, type AlertRule, type BaseMetric } from './rules';
import { newRuleState, stepRule, type RuleState } from './rule-step';
import { createZScore } from './zscore';

/** A rule with its running state: hysteresis/cooldown, and the z-score's trailing distribution. */
export interface RuleRunner {
  rule: AlertRule;
  state: RuleState;
  base: BaseMetric;
  z: ReturnType<typeof createZScore> | null;
  lastSample: number;
}

/** Default spans, seconds. */
export const DEFAULT_MOVE_WINDOW_S = 3600;
export const DEFAULT_ZSCORE_WINDOW_S = 86_400;

/**
 * Wrap a validated rule for evaluation on a grid of `gridS` seconds (the z-score keeps window / grid samples).
 *
 * @example
 * const r = createRuleRunner({ name: 'z', currency: 'BTC', metric: 'zscore:rv', op: '>', threshold: 3 }, 3600);
 * r.base; // → "rv"
 */
export function createRuleRunner(rule: AlertRule, gridS = 60): RuleRunner {
  const { base, zscore } = splitMetric(rule.metric);
  const n = Math.max(3, Math.round((rule.window ?? DEFAULT_ZSCORE_WINDOW_S) / gridS));
  return { rule, state: newRuleState(), base, z: zscore ? createZScore(n) : null, lastSample: -1 };
}

/**
 * Evaluate one runner at `t` (ms) given the base metric's value now and the grid sample index `sample`
 * (the z-score's history advances once per sample). Returns the rule's metric value and whether it fired.
 *
 * @example
 * const r = createRuleRunner({ name: 'd', currency: 'BTC', metric: 'dvol', op: '>', threshold: 80 });
 * runRule(r, 85, 0, 0).fired; // → true
 */
export function runRule(
  r: RuleRunner,
  baseValue: number,
  t: number,
  sample: number,
): { value: number; fired: boolean } {
  let value = baseValue;
  if (r.z) {
    value = r.z.score(baseValue);
    if (sample !== r.lastSample) {
      r.z.push(baseValue);
      r.lastSample = sample;
    }
  }
  return { value, fired: stepRule(r.rule, r.state, value, t) };
}
