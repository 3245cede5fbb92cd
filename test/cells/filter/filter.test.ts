import { describe, expect, it } from 'vitest';
import {
  backtest,
  validateRule,
  volFilter,
  stepRule,
  newRuleState,
  createRuleRunner,
  runRule,
  metricValue,
  BASE_METRICS,
  type AlertRule,
  type VolEstimate,
} from '../../../cells/filter';
import { fitAr } from '../../../cells/forecast';
import { createRng } from '../../../cells/random';

/** A GARCH-ish price path on a one-minute grid: volatility clusters, so log RV is autocorrelated. */
function path(n: number, seed = 1): { t: number[]; price: number[] } {
  const rng = createRng(seed);
  const t: number[] = [];
  const price: number[] = [];
  let p = 50_000;
  let v = 1e-6;
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt(v) * rng.normal();
    v = 2e-8 + 0.1 * r * r + 0.88 * v;
    p *= Math.exp(r);
    t.push(i * 60_000);
    price.push(p);
  }
  return { t, price };
}

describe('volFilter', () => {
  it('gives the AR one-step-ahead estimate cells/forecast gives on the same log-RV samples', () => {
    const { t, price } = path(1500);
    const s = volFilter.init({ rvWindow: 30, arOrder: 2, arHistory: 600 });
    for (let i = 0; i < t.length; i++) volFilter.addSample(s, t[i]!, price[i]!);
    expect(volFilter.refit(s)).toBe(true);
    // The same samples, computed directly: log of the mean squared one-minute return over each 30-return window.
    const r = price.slice(1).map((p, i) => Math.log(p / price[i]!));
    const logRv: number[] = [];
    for (let i = 29; i < r.length; i++) {
      let sum = 0;
      for (let k = i - 29; k <= i; k++) sum += r[k]! ** 2;
      logRv.push(Math.log(sum / 30));
    }
    const history = logRv.slice(-600);
    expect(Array.from(volFilter.logRvHistory(s))).toEqual(history.map((x) => expect.closeTo(x, 9)));
    const fit = fitAr(history, 2);
    const next = fit.forecast(1)[0]!;
    const e = volFilter.value(s);
    const perYear = 365 * 24 * 60;
    expect(e.ar).toBeCloseTo(Math.sqrt(Math.exp(next) * perYear), 10);
    const sd = Math.sqrt(fit.sigma2);
    expect(e.arLower).toBeCloseTo(Math.sqrt(Math.exp(next - 1.645 * sd) * perYear), 10);
    expect(e.arUpper).toBeCloseTo(Math.sqrt(Math.exp(next + 1.645 * sd) * perYear), 10);
    expect(e.rv).toBeCloseTo(Math.sqrt(Math.exp(logRv.at(-1)!) * perYear), 10);
    // After more samples without a refit, the estimate moves with the data (same coefficients).
    volFilter.addSample(s, t.length * 60_000, price.at(-1)! * 1.01);
    const hist2 = volFilter.logRvHistory(s);
    expect(volFilter.value(s).ar).toBeCloseTo(
      Math.sqrt(Math.exp(fit.forecastFrom(hist2, 1)[0]!) * perYear),
      10,
    );
  });

  it('samples ticks on the grid: the last price of each bucket', () => {
    const s = volFilter.init({ gridMs: 60_000, rvWindow: 2 });
    const ticks = [
      [0, 100],
      [30_000, 105],
      [59_999, 101],
      [60_000, 99],
      [125_000, 102],
      [180_001, 103],
    ] as const;
    const closed = ticks.map(([t, p]) => volFilter.add(s, t, p));
    expect(closed).toEqual([false, false, false, true, true, true]);
    expect(Array.from(s.closes.slice(0, 3))).toEqual([101, 99, 102]);
    const e = volFilter.value(s);
    expect(e.samples).toBe(3);
    const r2 = (Math.log(99 / 101) ** 2 + Math.log(102 / 99) ** 2) / 2;
    expect(e.rv).toBeCloseTo(Math.sqrt(r2 * 525_600), 12);
    expect(volFilter.add(s, 100_000, 50)).toBe(false); // out of order: ignored
    expect(volFilter.add(s, 200_000, NaN)).toBe(false);
    expect(volFilter.value(s, 180_001 + 180_001).stale).toBe(true);
    expect(volFilter.value(s, 180_001 + 1000).stale).toBe(false);
  });

  it('keeps an EWMA of squared returns beside it', () => {
    const s = volFilter.init({ gridMs: 1000, rvWindow: 2, ewmaLambda: 0.5 });
    [100, 110, 99, 99].forEach((p, i) => volFilter.addSample(s, i * 1000, p));
    const r = [Math.log(1.1), Math.log(0.9), 0];
    const ew = 0.5 * (0.5 * r[0]! ** 2 + 0.5 * r[1]! ** 2);
    expect(volFilter.value(s).ewma).toBeCloseTo(Math.sqrt(ew * 365 * 86_400), 9);
  });
});

describe('rules', () => {
  const base = { name: 'r', currency: 'BTC', op: '>', threshold: 80 };

  it('validates with a reason', () => {
    const bad = (o: object) => {
      const r = validateRule({ ...base, metric: 'dvol', ...o });
      return r.ok ? 'ok' : r.error;
    };
    expect(bad({})).toBe('ok');
    expect(bad({ metric: 'vix' })).toMatch(/unknown metric: vix/);
    expect(bad({ metric: 'zscore:vix' })).toMatch(/unknown metric/);
    expect(bad({ metric: 'zscore:rv', window: 3600 })).toBe('ok');
    expect(bad({ metric: 'move', window: 90 })).toMatch(/bad window/);
    expect(bad({ metric: 'move', window: -60 })).toMatch(/bad window/);
    expect(bad({ window: 3600 })).toMatch(/only move and zscore/);
    expect(bad({ threshold: -1 })).toMatch(/every tick/);
    expect(bad({ op: '=' })).toMatch(/op/);
    expect(bad({ threshold: '80' })).toMatch(/threshold/);
    expect(bad({ colour: 'red' })).toMatch(/unknown field: colour/);
    expect(bad({ cooldown_s: -5 })).toMatch(/cooldown_s/);
    expect(bad({ metric: 'atm_iv', tenor_days: 7 })).toBe('ok');
  });

  it('raises one alert for a metric hovering at the line (hysteresis), and respects the cooldown', () => {
    const rule = { ...base, metric: 'dvol', hysteresis: 2, cooldown_s: 600 } as AlertRule;
    const s = newRuleState();
    // One value a second: hover around 80 for a minute, drop clear below 78, come back after 2 min (cooldown).
    const hover = Array.from({ length: 60 }, (_, i) => 80 + (i % 2 ? 0.5 : -0.5));
    const values = [...hover, 75, ...hover, 70, ...Array(600).fill(79), 81, 77.9, 82];
    const fired = values
      .map((v, i) => (stepRule(rule, s, v, i * 1000) ? i : -1))
      .filter((i) => i >= 0);
    // Hovering fires once (i = 1); after the clear drop the next crossing is at 62, inside the cooldown:
    // swallowed; after 70 re-arms, the crossing at 722 is past 10 minutes from 1: fires; 77.9 re-arms but the
    // crossing at 724 is inside the new cooldown.
    expect(fired).toEqual([1, 722]);
    expect(stepRule(rule, s, NaN, 1e9)).toBe(false);
  });

  it('scores z-scores against the trailing distribution', () => {
    const r = createRuleRunner(
      { ...base, metric: 'zscore:dvol', threshold: 3, window: 600, cooldown_s: 0 } as AlertRule,
      60,
    );
    const out = [50, 51, 49, 50, 51, 49, 50, 51, 49, 50, 70].map((v, i) =>
      runRule(r, v, i * 60_000, i),
    );
    expect(out.slice(0, 10).every((o) => !o.fired)).toBe(true);
    expect(out[10]!.fired).toBe(true);
    expect(out[10]!.value).toBeGreaterThan(20);
  });
});

describe('backtest', () => {
  it('reports alerts, precision, recall and lead time against labelled episodes', () => {
    const H = 3_600_000;
    const DAY = 24 * H;
    const n = 60 * 24;
    const t = Array.from({ length: n }, (_, i) => i * H);
    // DVOL 50, rising to 90 from day 20.5 to 25 (an episode labelled on days 21–24) and a false spike on day 40.
    const dvol = t.map((x) =>
      x >= 20.5 * DAY && x < 25 * DAY ? 90 : x >= 40 * DAY && x < 40.2 * DAY ? 85 : 50,
    );
    const close = t.map(() => 100);
    const labels = {
      t: Array.from({ length: 60 }, (_, d) => d * DAY),
      regime: Array.from({ length: 60 }, (_, d) => (d >= 21 && d <= 24 ? 1 : 0)),
    };
    const rule: AlertRule = { name: 'd', currency: 'BTC', metric: 'dvol', op: '>', threshold: 80 };
    const r = backtest(rule, { t, close, dvol }, { labels });
    expect(r.alerts.map((a) => a.t / H)).toEqual([20.5 * 24, 40 * 24]);
    expect(r.precision).toBe(0.5);
    expect(r.recall).toBe(1);
    expect(r.leadHours!.median).toBe(12);
    expect(r.alertsPer30d).toBeCloseTo(1, 10);
    expect(() => backtest({ ...rule, metric: 'rr25' }, { t, close, dvol })).toThrow(/rr25/);
    expect(() => backtest({ ...rule, metric: 'nope' as 'rv' }, { t, close })).toThrow(
      /unknown metric/,
    );
  });
});

describe('metricValue: one table of base metrics for the live alerts and the backtest', () => {
  const sources = {
    estimate: { ar: 0.5, rv: 0.45 } as VolEstimate,
    dvol: 52,
    atmIv: 50,
    rr25: -3,
    move: 0.012,
  };
  it.each([
    ['ar_estimate', 50],
    ['rv', 45],
    ['dvol', 52],
    ['atm_iv', 50],
    ['iv_rv', 5],
    ['rr25', -3],
    ['move', 1.2],
  ])('%s → %d (vol points; move in percent)', (base, expected) => {
    expect(metricValue(base, sources)).toBeCloseTo(expected, 12);
  });

  it('is NaN for an unknown metric and for a missing source', () => {
    expect(metricValue('gamma', sources)).toBeNaN();
    expect(metricValue('iv_rv', { ...sources, atmIv: NaN })).toBeNaN();
  });

  it('names every base metric a rule may use', () => {
    for (const base of BASE_METRICS) expect(metricValue(base, sources)).not.toBeNaN();
  });
});
