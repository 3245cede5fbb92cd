import { volFilter } from './estimator';
import { createRuleRunner, DEFAULT_MOVE_WINDOW_S, runRule } from './evaluator';
import { metricValue } from './metric-value';
import { validateRule, type AlertRule } from './rules';

/**
 * A stored series on a fixed grid: times (ms), closes, and optionally DVOL and the 25Δ risk reversal (vol points)
 * at the same times (`rr25History` + `alignAsOf` make the latter from stored chain snapshots).
 */
export interface BacktestSeries {
  t: ArrayLike<number>;
  close: ArrayLike<number>;
  dvol?: ArrayLike<number>;
  rr25?: ArrayLike<number>;
}

export interface BacktestOptions {
  /** The series' grid in ms (default one hour). */
  gridMs?: number;
  /** Samples per realized-variance window (default 24). */
  rvWindow?: number;
  /** Refit the AR every this many samples (default 168: weekly on hourly bars). */
  refitEvery?: number;
  /**
   * Daily regime labels (`regime_labels`: day start in ms, 0 calm / 1 turbulent / 2 crash): turns the alerts
   * into precision, recall and lead time against the episodes at or above `minRegime`.
   */
  labels?: { t: ArrayLike<number>; regime: ArrayLike<number> };
  /** 1: turbulent or crash (default); 2: crash only. */
  minRegime?: number;
  /** An alert up to this long before an episode starts counts as a hit (default 72 h). */
  leadMs?: number;
}

export interface BacktestResult {
  rule: AlertRule;
  /** Every alert: time (ms) and the metric's value. */
  alerts: { t: number; value: number }[];
  /** The rule's metric at each sample (what the threshold was compared with). */
  metric: Float64Array;
  /** Alerts per 30 days of series. */
  alertsPer30d: number;
  /** With labels: the episodes, the share of alerts that fell in [start − lead, end) of one, the share of episodes caught. */
  episodes?: { start: number; end: number; regime: number; firstAlert: number | null }[];
  precision?: number;
  recall?: number;
  /** Hours from the first alert to the episode start (positive: early), over caught episodes. */
  leadHours?: { median: number; mean: number };
}

/**
 * Run a rule over a stored series with the live filter's logic (same AR/RV/EWMA filter, same hysteresis and
 * cooldown) and score it against labelled regimes. `atm_iv` reads DVOL (the 30-day ATM IV index); `rr25` reads
 * `series.rr25` (NaN samples, e.g. before the first chain snapshot, are skipped as a stale feed is live).
 *
 * @example
 * const t = Array.from({ length: 500 }, (_, i) => i * 3_600_000);
 * const close = t.map((_, i) => 100 * Math.exp(0.01 * Math.sin(i) * (i > 300 ? 5 : 1)));
 * const r = backtest({ name: 'rv', currency: 'BTC', metric: 'rv', op: '>', threshold: 150 }, { t, close });
 * r.alerts.length; // → 1
 */
export function backtest(
  rule: AlertRule,
  series: BacktestSeries,
  options: BacktestOptions = {},
): BacktestResult {
  const check = validateRule(rule);
  if (!check.ok) throw new RangeError(check.error);
  const gridMs = options.gridMs ?? 3_600_000;
  const runner = createRuleRunner(check.rule, gridMs / 1000);
  if (runner.base === 'rr25' && !series.rr25)
    throw new RangeError(
      `${rule.metric} needs series.rr25 (rr25History of the option_chain snapshots)`,
    );
  const needsDvol = ['dvol', 'atm_iv', 'iv_rv'].includes(runner.base);
  if (needsDvol && !series.dvol) throw new RangeError(`${rule.metric} needs series.dvol`);
  const n = series.t.length;
  if (
    series.close.length !== n ||
    (series.dvol && series.dvol.length !== n) ||
    (series.rr25 && series.rr25.length !== n)
  )
    throw new RangeError('t, close, dvol and rr25 must have the same length');
  const moveSamples = Math.max(
    1,
    Math.round(((check.rule.window ?? DEFAULT_MOVE_WINDOW_S) * 1000) / gridMs),
  );
  const refitEvery = options.refitEvery ?? 168;
  const filter = volFilter.init({
    gridMs,
    rvWindow: options.rvWindow ?? 24,
    priceHistory: Math.max(moveSamples + 2, 64),
    arHistory: 24 * 90,
    arMinSamples: 24 * 7,
  });
  const metric = new Float64Array(n);
  const alerts: { t: number; value: number }[] = [];
  for (let i = 0; i < n; i++) {
    const t = series.t[i]!;
    volFilter.addSample(filter, t, series.close[i]!);
    if (i % refitEvery === refitEvery - 1 || !filter.fit) volFilter.refit(filter);
    const e = volFilter.value(filter, t);
    const dvol = series.dvol?.[i] ?? NaN;
    const v = metricValue(runner.base, {
      estimate: e,
      dvol,
      atmIv: dvol,
      rr25: series.rr25?.[i] ?? NaN,
      move: volFilter.move(filter, moveSamples),
    });
    const { value, fired } = runRule(runner, v, t, i);
    metric[i] = value;
    if (fired) alerts.push({ t, value });
  }
  const span = n > 1 ? series.t[n - 1]! - series.t[0]! + gridMs : gridMs;
  const result: BacktestResult = {
    rule: check.rule,
    alerts,
    metric,
    alertsPer30d: (alerts.length * 30 * 86_400_000) / span,
  };
  if (options.labels && n > 0) score(result, series.t[0]!, series.t[n - 1]!, options);
  return result;
}

function score(result: BacktestResult, from: number, to: number, o: BacktestOptions): void {
  const { t, regime } = o.labels!;
  const minRegime = o.minRegime ?? 1;
  const lead = o.leadMs ?? 72 * 3_600_000;
  const DAY = 86_400_000;
  const episodes: NonNullable<BacktestResult['episodes']> = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i]! + DAY <= from || t[i]! > to || regime[i]! < minRegime) continue;
    const last = episodes[episodes.length - 1];
    if (last && last.end === t[i]!) {
      last.end = t[i]! + DAY;
      last.regime = Math.max(last.regime, regime[i]!);
    } else episodes.push({ start: t[i]!, end: t[i]! + DAY, regime: regime[i]!, firstAlert: null });
  }
  let hits = 0;
  for (const a of result.alerts) {
    const e = episodes.find((ep) => a.t >= ep.start - lead && a.t < ep.end);
    if (e) {
      hits++;
      if (e.firstAlert === null) e.firstAlert = a.t;
    }
  }
  const caught = episodes.filter((e) => e.firstAlert !== null);
  const leads = caught.map((e) => (e.start - e.firstAlert!) / 3_600_000).sort((a, b) => a - b);
  result.episodes = episodes;
  result.precision = result.alerts.length ? hits / result.alerts.length : NaN;
  result.recall = episodes.length ? caught.length / episodes.length : NaN;
  const mid = leads.length >> 1;
  result.leadHours = {
    median: leads.length
      ? leads.length % 2
        ? leads[mid]!
        : (leads[mid - 1]! + leads[mid]!) / 2
      : NaN,
    mean: leads.length ? leads.reduce((a, b) => a + b, 0) / leads.length : NaN,
  };
}
