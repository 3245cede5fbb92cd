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
  stepRule,
  newRuleState,
  breaches,
  hysteresisOf,
  splitMetric,
  createZScore,
  type AlertRule,
  type BaseMetric,
  type MetricName,
  type RuleCheck,
  type RuleOp,
  type RuleState,
} from './rules';
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
