/**
 * How much history the simulated exchange keeps, so a sidecar left running stays bounded (it used to keep
 * every trade and sample: ~20 MB an hour). Three tiers per currency:
 * - trades for the last `tradesMs` (1 h): `get_last_trades_by_currency_and_time` pages within it, and a range
 *   reaching before it once trades were dropped is refused with a message naming the earliest time kept;
 * - one index/DVOL sample a second for the last `samplesMs` (2 h): chart and DVOL data down to 1-second buckets;
 * - one-minute OHLC bars of those samples for the last `minuteBarsMs` (30 days, ≥ the 17 days
 *   `get_historical_volatility` reads): older live data answers at one-minute granularity.
 * Before the live data, the bundled hourly history answers, as before.
 */
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../../cells/time';
export interface HistoryWindow {
  tradesMs: number;
  samplesMs: number;
  minuteBarsMs: number;
}

export const HISTORY_WINDOW: HistoryWindow = {
  tradesMs: MS_PER_HOUR,
  samplesMs: 2 * MS_PER_HOUR,
  minuteBarsMs: 30 * MS_PER_DAY,
};

export interface Sample {
  t: number;
  index: number;
  dvol: number;
}

export interface Ohlc {
  open: number;
  high: number;
  low: number;
  close: number;
}

/** One minute of samples: `t` is the minute's start. */
export interface MinuteBar {
  t: number;
  index: Ohlc;
  dvol: Ohlc;
}

export interface SampleLog {
  add(s: Sample): void;
  /** The last sample, if any. */
  last(): Sample | undefined;
  /** Drop what fell out of the window at time `now`. */
  prune(now: number): void;
  /** Samples from `samplesFrom()` on, ascending. */
  readonly samples: readonly Sample[];
  /** Minute bars before `samplesFrom()`, ascending. */
  minuteBars(): MinuteBar[];
  /** Where the per-second samples start (a minute boundary); earlier live data is in minute bars. */
  samplesFrom(): number;
}

const ohlc = (v: number): Ohlc => ({ open: v, high: v, low: v, close: v });
const extend = (o: Ohlc, v: number) => {
  o.high = Math.max(o.high, v);
  o.low = Math.min(o.low, v);
  o.close = v;
};

/**
 * @example
 * const log = createSampleLog(HISTORY_WINDOW);
 * log.add({ t, index: 95_000, dvol: 52 });
 * log.prune(t);
 */
export function createSampleLog(window: HistoryWindow = HISTORY_WINDOW): SampleLog {
  let samples: Sample[] = [];
  let bars: MinuteBar[] = [];
  let from = -Infinity;
  return {
    add(s) {
      samples.push(s);
      const minute = Math.floor(s.t / MS_PER_MINUTE) * MS_PER_MINUTE;
      const bar = bars[bars.length - 1];
      if (bar?.t === minute) {
        extend(bar.index, s.index);
        extend(bar.dvol, s.dvol);
      } else bars.push({ t: minute, index: ohlc(s.index), dvol: ohlc(s.dvol) });
    },
    last: () => samples[samples.length - 1],
    prune(now) {
      const cut = Math.floor((now - window.samplesMs) / MS_PER_MINUTE) * MS_PER_MINUTE;
      if (samples.length > 0 && samples[0]!.t < cut) {
        samples = samples.filter((s) => s.t >= cut);
        from = cut;
      }
      const barCut = now - window.minuteBarsMs;
      if (bars.length > 0 && bars[0]!.t < barCut) bars = bars.filter((b) => b.t >= barCut);
    },
    get samples() {
      return samples;
    },
    minuteBars: () => bars.filter((b) => b.t < from),
    samplesFrom: () => from,
  };
}
