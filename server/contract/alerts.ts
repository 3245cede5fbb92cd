/**
 * What crosses the wire for the volatility filter: rules at `/api/volatility/alerts/rules`, alerts at
 * `GET /api/volatility/alerts`, and the `volatility_estimate` / `threshold_breach` events on `/api/live`.
 * Volatilities in vol points (55 = 55%), `move` in percent, times in ms since the epoch. Type-only.
 */

export type AlertMetricWire =
  | 'ar_estimate'
  | 'rv'
  | 'dvol'
  | 'atm_iv'
  | 'iv_rv'
  | 'rr25'
  | 'move'
  | `zscore:${'ar_estimate' | 'rv' | 'dvol' | 'atm_iv' | 'iv_rv' | 'rr25' | 'move'}`;

/** A rule as POSTed (see `cells/filter/rules.ts` for the meaning and defaults of each field). */
export interface AlertRuleWire {
  name: string;
  currency: string;
  metric: AlertMetricWire;
  op: '>' | '>=' | '<' | '<=';
  threshold: number;
  window?: number;
  tenor_days?: number;
  hysteresis?: number;
  cooldown_s?: number;
  enabled?: boolean;
}

/** A stored rule, as listed (`{rules: [...]}`) and returned by POST/PUT. */
export interface StoredRuleWire extends AlertRuleWire {
  id: string;
  created_ms: number;
  updated_ms: number;
}

/** One breach: listed, and the `data` of a `threshold_breach` event. `context`: the metric's recent [t, value]. */
export interface AlertEventWire {
  id: number;
  rule_id: string;
  rule_name: string;
  currency: string;
  metric: string;
  op: string;
  threshold: number;
  value: number;
  ts_ms: number;
  context: [number, number][];
  acked_ms: number | null;
}

/** `GET /api/volatility/alerts`: newest first; `total` counts every match of the filters. */
export interface AlertListWire {
  total: number;
  alerts: AlertEventWire[];
}

/** The `data` of a `volatility_estimate` event (about once a second per currency). */
export interface VolatilityEstimateWire {
  currency: string;
  t: number;
  price: number | null;
  samples: number;
  rv: number | null;
  ar_estimate: number | null;
  ar_lower: number | null;
  ar_upper: number | null;
  ewma: number | null;
  dvol: number | null;
  /** 30-day ATM IV and the 25Δ risk reversal of the expiry nearest 30 days, from the live surface. */
  atm_iv_30d: number | null;
  rr25_30d: number | null;
  /** The index has been silent over the limit: figures are old, rules are not evaluated. */
  stale: boolean;
  age_ms: number | null;
  /** Why there is no AR figure or no alerting, e.g. "warming up: 12 of 60 log-RV samples …". */
  note: string | null;
}
