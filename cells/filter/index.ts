/**
 * The volatility filter: a streaming realized-vol / AR / EWMA estimator on a fixed grid, threshold rules on
 * named metrics with hysteresis and cooldown, and a backtest of a rule over stored series against labelled
 * regimes. The sidecar runs the same code live (`server/alerts/`).
 */
export {
  volFilter,
  type VolEstimate,
  type VolFilterOptions,
  type VolFilterState,
} from './estimator';
export {
  BASE_METRICS,
  RULE_OPS,
  RULE_GRID_S,
  MAX_WINDOW_S,
  validateRule,
  splitMetric,
  type AlertRule,
  type BaseMetric,
  type MetricName,
  type RuleCheck,
  type RuleOp,
} from './rules';
export { stepRule, newRuleState, breaches, hysteresisOf, type RuleState } from './rule-step';
export { createZScore } from './zscore';
export {
  createRuleRunner,
  runRule,
  DEFAULT_MOVE_WINDOW_S,
  DEFAULT_ZSCORE_WINDOW_S,
  type RuleRunner,
} from './evaluator';
export {
  backtest,
  type BacktestOptions,
  type BacktestResult,
  type BacktestSeries,
} from './backtest';
export { rr25History, alignAsOf, type ChainRow } from './rr25-history';
export { metricValue, type MetricSources } from './metric-value';
