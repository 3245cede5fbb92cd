/**
 * The `MarketFeed` over the Vol Lab market simulator: the seeded stepper advances the state in real time (in
 * steps of at most an hour), the listed options are quoted as the bundled chain is (`simulator/option-quote.ts`:
 * same forward and basis noise, same stressed spreads), and strikes are fixed when an expiry is first listed,
 * as on Deribit.
 */
import { createRng, type Rng } from '../../../cells/random';
import { hourlyBars } from '../../simulator/bars';
import { coinIndex } from '../../simulator/coins';
import { listExpiries } from '../../simulator/expiries';
import type { SimulatedHistory } from '../../simulator/history';
import { dvolIndex } from '../../simulator/implied';
import {
  expiryContext,
  liveBasisNoise,
  meanOpenInterest,
  optionForward,
  quoteOption,
} from '../../simulator/option-quote';
import { volSnapshotAt, volSnapshotOf } from '../../simulator/snapshot';
import type { MarketState } from '../../simulator/state';
import { step } from '../../simulator/step';
import { strikeGrid } from '../../simulator/strikes';
import { formatInstrument } from '../../../cells/options/instruments';
import {
  PERPETUAL_EXPIRY,
  type FutureQuote,
  type HourlyHistory,
  type MarketFeed,
  type OptionQuote,
} from './feed';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_YEAR } from '../../../cells/time';

export interface SimulatorFeedOptions {
  /** Where to continue from (its `t` is unix seconds), e.g. `history.finalState`. */
  state: MarketState;
  seed: number;
  /** The bundled history that ended at `state`, for backfills. */
  history?: SimulatedHistory;
  /** Or hourly history per currency recorded another way (see `catch-up.ts`); used when `history` is absent. */
  hourly?: Readonly<Record<string, HourlyHistory>>;
  currencies?: readonly string[];
}

export const OPTION_REFRESH_MS = 1000;

/**
 * @example
 * const h = simulateHistory(start, end, 42);
 * const feed = createSimulatorFeed({state: h.finalState, seed: 42, history: h});
 * feed.advance(Date.now());
 */
export function createSimulatorFeed(options: SimulatorFeedOptions): MarketFeed {
  const currencies = options.currencies ?? ['BTC', 'ETH'];
  const coins = new Map(currencies.map((c) => [c, coinIndex(c)]));
  const rng: Rng = createRng(options.seed);
  let state = options.state;
  const strikes = new Map<string, number[]>();
  const cache = new Map<
    string,
    { t: number; options: OptionQuote[]; futures: FutureQuote[]; noise: Map<number, number> }
  >();
  /** Options are repriced at most once per `OPTION_REFRESH_MS` of feed time (the chain is ~1,500 Black-76 calls). */
  const bucket = () => Math.floor(now() / OPTION_REFRESH_MS);
  const histories = new Map<string, HourlyHistory | null>();
  const coin = (currency: string) => {
    const i = coins.get(currency);
    if (i === undefined) throw new RangeError(`invalid currency: ${currency}`);
    return i;
  };
  const now = () => state.t * 1000;

  const quotes = (currency: string) => {
    const hit = cache.get(currency);
    if (hit && hit.t === bucket()) return hit;
    for (const key of strikes.keys()) if (Number(key.split(':')[1]) <= now()) strikes.delete(key);
    const made = {
      t: bucket(),
      ...priceChain(currency, coin(currency), state, strikes, options.seed),
    };
    cache.set(currency, made);
    return made;
  };

  return {
    time: now,
    advance(ms) {
      while (ms - now() > 1e-6) {
        const dt = Math.min(3600, (ms - now()) / 1000);
        state = step(state, dt, rng).state;
      }
    },
    currencies: () => currencies,
    indexPrice: (currency) => Math.exp(state.logPrices[coin(currency)]!),
    dvol: (currency) => dvolIndex(volSnapshotOf(state, coin(currency)), coin(currency)),
    options: (currency) => quotes(currency).options,
    futures: (currency) => {
      // Between option reprices the futures follow the index, on the same forward as the options.
      const index = Math.exp(state.logPrices[coin(currency)]!);
      const { futures, noise } = quotes(currency);
      return futures.map((f) =>
        f.perpetual
          ? { ...f, mark_price: index }
          : {
              ...f,
              mark_price: optionForward(
                index,
                state.regime,
                (f.expiryMs - now()) / MS_PER_YEAR,
                noise.get(f.expiryMs) ?? 0,
              ),
            },
      );
    },
    history(currency) {
      if (!options.history) return options.hourly?.[currency] ?? null;
      if (!histories.has(currency))
        histories.set(currency, hourlyHistory(options.history, coin(currency), options.seed));
      return histories.get(currency)!;
    },
  };
}

/**
 * The chain at the state's time: every listed expiry's quotes through `option-quote.ts` (the generator's
 * quote), with the live basis noise of this second; strikes are fixed when an expiry is first seen.
 */
function priceChain(
  currency: string,
  coin: number,
  state: MarketState,
  strikes: Map<string, number[]>,
  seed: number,
): { options: OptionQuote[]; futures: FutureQuote[]; noise: Map<number, number> } {
  const t = state.t * 1000;
  const index = Math.exp(state.logPrices[coin]!);
  const snap = volSnapshotOf(state, coin);
  const expiries = listExpiries(t);
  const noises = liveBasisNoise(seed, coin, t, expiries.length);
  const noise = new Map(expiries.map((e, i) => [e, noises[i]!]));
  const options: OptionQuote[] = [];
  const futures: FutureQuote[] = [
    {
      instrument_name: `${currency}-PERPETUAL`,
      expiryMs: PERPETUAL_EXPIRY,
      perpetual: true,
      mark_price: index,
      open_interest: 1e8,
    },
  ];
  for (const expiry of expiries) {
    const e = expiryContext({
      t,
      expiryMs: expiry,
      coin,
      indexPrice: index,
      snap,
      basisNoise: noise.get(expiry)!,
    });
    const key = `${currency}:${expiry}`;
    if (!strikes.has(key)) strikes.set(key, strikeGrid(e.F, e.atm, e.T));
    if (expiry - t > 7 * MS_PER_DAY) {
      futures.push({
        instrument_name: formatInstrument({
          kind: 'future',
          base: currency,
          quote: null,
          expiryMs: expiry,
        }),
        expiryMs: expiry,
        perpetual: false,
        mark_price: e.F,
        open_interest: 2e7,
      });
    }
    for (const K of strikes.get(key)!) {
      for (const optionType of ['call', 'put'] as const) {
        const { z, ...q } = quoteOption(e, K, optionType);
        options.push({
          instrument_name: formatInstrument({
            kind: 'option',
            base: currency,
            quote: null,
            expiryMs: expiry,
            strike: K,
            optionType,
          }),
          expiryMs: expiry,
          strike: K,
          optionType,
          underlying_price: e.F,
          ...q,
          open_interest: Math.round(meanOpenInterest(coin, z, e.T) * 10) / 10,
        });
      }
    }
  }
  return { options, futures, noise };
}

function hourlyHistory(h: SimulatedHistory, coin: number, seed: number): HourlyHistory {
  const bars = hourlyBars(h, coin, createRng(seed + coin));
  const t = new Float64Array(h.hours);
  const dvol = new Float64Array(h.hours);
  const volume = new Float64Array(h.hours);
  for (let k = 0; k < h.hours; k++) {
    t[k] = h.start * 1000 + k * MS_PER_HOUR;
    dvol[k] = dvolIndex(volSnapshotAt(h, k, coin), coin);
    volume[k] = bars.volume[k]! / bars.close[k]!;
  }
  return { t, open: bars.open, high: bars.high, low: bars.low, close: bars.close, volume, dvol };
}
