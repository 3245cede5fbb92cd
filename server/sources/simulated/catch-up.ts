/**
 * Bringing the bundled market's final state up to the wall clock: the stepper runs hour by hour from the
 * state's time to the last whole hour before `until`, and each hour is recorded (index OHLC, DVOL) so the
 * simulated exchange can answer chart and DVOL backfills over the stretch nobody watched.
 */
import { createRng } from '../../../cells/random';
import { coinIndex } from '../../simulator/coins';
import { dvolIndex } from '../../simulator/implied';
import { volSnapshotOf } from '../../simulator/snapshot';
import type { MarketState } from '../../simulator/state';
import { step } from '../../simulator/step';
import type { HourlyHistory } from './feed';
import { SECONDS_PER_HOUR } from '../../../cells/time';

export interface CaughtUp {
  state: MarketState;
  /** Per currency, the hours from the state's time to the new state's time. */
  hourly: Record<string, HourlyHistory>;
}

/**
 * @example
 * const { state, hourly } = catchUp(finalState, 42, Date.now(), ['BTC', 'ETH']);
 */
export function catchUp(
  from: MarketState,
  seed: number,
  untilMs: number,
  currencies: readonly string[],
): CaughtUp {
  if (!Number.isFinite(untilMs)) throw new RangeError(`invalid until: ${untilMs}`);
  const start = Math.ceil(from.t / SECONDS_PER_HOUR) * SECONDS_PER_HOUR;
  const hours = Math.max(0, Math.floor((untilMs / 1000 - start) / SECONDS_PER_HOUR));
  const rng = createRng(seed ^ 0x5eed);
  const coins = currencies.map(coinIndex);
  const cols = currencies.map(() => ({
    t: new Float64Array(hours),
    open: new Float64Array(hours),
    high: new Float64Array(hours),
    low: new Float64Array(hours),
    close: new Float64Array(hours),
    volume: new Float64Array(hours),
    dvol: new Float64Array(hours),
  }));
  let state = from;
  if (start > state.t) state = step(state, start - state.t, rng).state;
  for (let k = 0; k < hours; k++) {
    const before = state.logPrices;
    state = step(state, SECONDS_PER_HOUR, rng).state;
    coins.forEach((coin, j) => {
      const c = cols[j]!;
      const open = Math.exp(before[coin]!);
      const close = Math.exp(state.logPrices[coin]!);
      // A bar from two points only: widen by a fraction of the move so high/low are not the endpoints.
      const wick = 0.25 * Math.abs(close - open);
      c.t[k] = (start + k * SECONDS_PER_HOUR) * 1000;
      c.open[k] = open;
      c.close[k] = close;
      c.high[k] = Math.max(open, close) + wick;
      c.low[k] = Math.min(open, close) - wick;
      c.volume[k] = 1000 * (1 + 20 * Math.abs(Math.log(close / open)));
      c.dvol[k] = dvolIndex(volSnapshotOf(state, coin), coin);
    });
  }
  return { state, hourly: Object.fromEntries(currencies.map((c, j) => [c, cols[j]!])) };
}
