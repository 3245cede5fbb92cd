/**
 * The alert events as the notebook dataset `alerts` (exported by `server/state/datasets.ts`): one row per
 * breach with its rule, value, threshold and acknowledgement. The metric path stored around each breach stays
 * out (it is for the alerts view's chart).
 */
import type { StateDatasetSpec } from '../state/dataset-spec';

/** @example startStateDatasets({ state, datasetsDir, specs: ALERT_DATASETS }); */
export const ALERT_DATASETS: readonly StateDatasetSpec[] = [
  {
    name: 'alerts',
    title: 'Volatility alerts',
    description:
      'Every threshold breach the volatility filter raised: rule, currency, metric, value against threshold, acknowledgement.',
    tables: ['alert_events'],
    sql: `SELECT id, rule_id, rule_name, currency, metric, op, threshold, value, epoch_ms(ts_ms) AS time,
            ts_ms, acked_ms IS NOT NULL AS acked, epoch_ms(acked_ms) AS acked_at FROM alert_events ORDER BY ts_ms, id`,
    timeColumn: 'time',
  },
];
