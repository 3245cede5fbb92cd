import { lstsq } from '../linalg/qr';

export interface HarOptions {
  /** Regress logs: log RV_{t+1} on the logs of the window averages (Corsi 2009, §4). Default false. */
  log?: boolean;
  /** Averaging windows in observations (default [1, 7, 30]: day, week, month of a 7-day market). */
  windows?: readonly number[];
}

/** A fitted HAR-RV model. */
export interface HarFit {
  log: boolean;
  windows: number[];
  /** [b0, b_1, b_7, b_30] (intercept first, one per window). */
  coefficients: Float64Array;
  /** R² of the regression, on the log scale when `log`. */
  r2: number;
  residuals: Float64Array;
  /** Fitted next-period values (RV level; exp of the log fit when `log`), aligned with t = maxWindow … n − 1. */
  fitted: Float64Array;
  /** Iterated h-step forecasts of RV after the sample (predictions are fed back as observations). */
  forecast(h: number): Float64Array;
  /** The same after `history` (at least max(windows) observations). */
  forecastFrom(history: ArrayLike<number>, h: number): Float64Array;
  toJSON(): HarJson;
}

export interface HarJson {
  kind: 'har';
  log: boolean;
  windows: number[];
  coefficients: number[];
  r2: number;
  tail: number[];
}

/**
 * Fit the HAR-RV model of Corsi (2009) by OLS:
 * RV_{t+1} = b0 + b_d RV_t + b_w mean(RV_{t−6..t}) + b_m mean(RV_{t−29..t}) + ε,
 * or with `log: true`, log RV_{t+1} on the logs of those averages. The log form's forecasts are
 * exp(forecast log RV), without a log-normal bias correction (a median, not a mean, forecast).
 *
 * @example
 * const rng = vol.random.createRng(1);
 * const dailyRv = Float64Array.from({ length: 300 }, () => 4e-4 * Math.exp(0.3 * rng.normal()));
 * const har = fitHar(dailyRv, { log: true });
 * har.coefficients; // [b0, b_d, b_w, b_m]
 * har.forecast(1)[0]; // tomorrow's RV
 */
export function fitHar(rv: ArrayLike<number>, options: HarOptions = {}): HarFit {
  const log = options.log ?? false;
  const windows = [...(options.windows ?? [1, 7, 30])];
  if (windows.length === 0 || !windows.every((w) => Number.isInteger(w) && w >= 1)) {
    throw new RangeError(`invalid windows: ${windows.join(',')}`);
  }
  const maxW = Math.max(...windows);
  const k = windows.length + 1;
  const nobs = rv.length - maxW;
  if (nobs < k + 1) throw new RangeError(`series too short: ${rv.length}`);
  for (let i = 0; i < rv.length; i++) {
    if (!(rv[i]! >= 0) || (log && !(rv[i]! > 0)))
      throw new RangeError(`invalid rv at ${i}: ${rv[i]}`);
  }
  const prefix = prefixSums(rv);
  const design = new Float64Array(nobs * k);
  const y = new Float64Array(nobs);
  for (let r = 0; r < nobs; r++) {
    const t = r + maxW - 1;
    regressors(prefix, t, windows, log, design, r * k);
    y[r] = log ? Math.log(rv[t + 1]!) : rv[t + 1]!;
  }
  const { coefficients, residuals, rss } = lstsq(design, nobs, k, y);
  let mean = 0;
  for (let r = 0; r < nobs; r++) mean += y[r]! / nobs;
  let tss = 0;
  for (let r = 0; r < nobs; r++) tss += (y[r]! - mean) ** 2;
  const fitted = new Float64Array(nobs);
  for (let r = 0; r < nobs; r++)
    fitted[r] = log ? Math.exp(y[r]! - residuals[r]!) : y[r]! - residuals[r]!;
  const tail = Array.from({ length: maxW }, (_, i) => rv[rv.length - maxW + i]!);
  return makeHar(log, windows, coefficients, 1 - rss / tss, residuals, fitted, tail);
}

/** Rebuild a HAR fit from `toJSON()` output (residuals and fitted values are not kept). */
export function harFromJSON(json: HarJson): HarFit {
  if (json.kind !== 'har' || json.coefficients.length !== json.windows.length + 1) {
    throw new TypeError('invalid HAR JSON');
  }
  const empty = new Float64Array(0);
  return makeHar(
    json.log,
    json.windows,
    Float64Array.from(json.coefficients),
    json.r2,
    empty,
    empty,
    json.tail,
  );
}

function prefixSums(x: ArrayLike<number>): Float64Array {
  const s = new Float64Array(x.length + 1);
  for (let i = 0; i < x.length; i++) s[i + 1] = s[i]! + x[i]!;
  return s;
}

/** Row [1, mean of each window ending at t] (logs when `log`), from prefix sums. */
function regressors(
  prefix: Float64Array,
  t: number,
  windows: readonly number[],
  log: boolean,
  out: Float64Array,
  offset: number,
): void {
  out[offset] = 1;
  for (let j = 0; j < windows.length; j++) {
    const w = windows[j]!;
    const avg = (prefix[t + 1]! - prefix[t + 1 - w]!) / w;
    out[offset + 1 + j] = log ? Math.log(avg) : avg;
  }
}

function makeHar(
  log: boolean,
  windows: number[],
  coefficients: Float64Array,
  r2: number,
  residuals: Float64Array,
  fitted: Float64Array,
  tail: number[],
): HarFit {
  const maxW = Math.max(...windows);
  const forecastFrom = (history: ArrayLike<number>, h: number): Float64Array => {
    if (!Number.isInteger(h) || h < 1) throw new RangeError(`invalid h: ${h}`);
    if (history.length < maxW)
      throw new RangeError(`history shorter than ${maxW}: ${history.length}`);
    const buf = new Float64Array(maxW + h);
    for (let i = 0; i < maxW; i++) buf[i] = history[history.length - maxW + i]!;
    for (let s = 0; s < h; s++) {
      const t = maxW + s; // next index; the windows end at t − 1
      let v = coefficients[0]!;
      for (let j = 0; j < windows.length; j++) {
        const w = windows[j]!;
        let sum = 0;
        for (let i = t - w; i < t; i++) sum += buf[i]!;
        v += coefficients[j + 1]! * (log ? Math.log(sum / w) : sum / w);
      }
      buf[t] = log ? Math.exp(v) : v;
    }
    return buf.slice(maxW);
  };
  return {
    log,
    windows,
    coefficients,
    r2,
    residuals,
    fitted,
    forecast: (h) => forecastFrom(tail, h),
    forecastFrom,
    toJSON: () => ({
      kind: 'har',
      log,
      windows: [...windows],
      coefficients: Array.from(coefficients),
      r2,
      tail: [...tail],
    }),
  };
}
