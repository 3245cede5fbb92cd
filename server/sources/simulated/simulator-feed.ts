/**
 * The `MarketFeed` over the Vol Lab market simulator: the seeded stepper advances the state in real time (in
 * steps of at most an hour), the ATM term structure and SSVI smile of `server/simulator` price the listed
 * options with Black-76 (`cells/options`), and strikes are fixed when an expiry is first listed, as on Deribit.
 */
import { black76Price, greeks } from '../../../cells/options';
import { createRng, type Rng } from '../../../cells/random';
import { hourlyBars } from '../../simulator/bars';
import { coinIndex } from '../../simulator/coins';
import { listExpiries } from '../../simulator/expiries';
import type { SimulatedHistory } from '../../simulator/history';
import { atmImpliedVol, dvolIndex } from '../../simulator/implied';
import { smileSlice, sliceVol } from '../../simulator/smile';
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

const YEAR_MS = 365 * 86_400_000;
const HOUR_MS = 3_600_000;
export const OPTION_REFRESH_MS = 1000;
/** Annualized basis of futures over the index by regime (contango in calm markets). */
const BASIS: readonly number[] = [0.08, 0.04, 0];

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
  const cache = new Map<string, { t: number; options: OptionQuote[]; futures: FutureQuote[] }>();
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
    const made = { t: bucket(), ...priceChain(currency, coin(currency), state, strikes) };
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
      const index = Math.exp(state.logPrices[coin(currency)]!);
      const basis = BASIS[state.regime]!;
      return quotes(currency).futures.map((f) =>
        f.perpetual
          ? { ...f, mark_price: index }
          : { ...f, mark_price: index * Math.exp((basis * (f.expiryMs - now())) / YEAR_MS) },
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

function priceChain(
  currency: string,
  coin: number,
  state: MarketState,
  strikes: Map<string, number[]>,
): { options: OptionQuote[]; futures: FutureQuote[] } {
  const t = state.t * 1000;
  const index = Math.exp(state.logPrices[coin]!);
  const snap = volSnapshotOf(state, coin);
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
  for (const expiry of listExpiries(t)) {
    const T = (expiry - t) / YEAR_MS;
    const atm = atmImpliedVol(snap, coin, T);
    const F = index * Math.exp(BASIS[snap.regime]! * T);
    const key = `${currency}:${expiry}`;
    if (!strikes.has(key)) strikes.set(key, strikeGrid(F, atm, T));
    if (expiry - t > 7 * 86_400_000) {
      futures.push({
        instrument_name: formatInstrument({
          kind: 'future',
          base: currency,
          quote: null,
          expiryMs: expiry,
        }),
        expiryMs: expiry,
        perpetual: false,
        mark_price: F,
        open_interest: 2e7,
      });
    }
    const slice = smileSlice(atm, T, snap.regime);
    for (const K of strikes.get(key)!) {
      const k = Math.log(K / F);
      const iv = sliceVol(slice, k, T);
      const z = Math.abs(k) / (atm * Math.sqrt(T));
      const half = Math.min(5, 0.55 + 0.35 * z ** 1.5) / 100;
      const bidIv = Math.max(iv - half, 0.5 * iv);
      for (const optionType of ['call', 'put'] as const) {
        const g = greeks(F, K, T, iv, optionType);
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
          underlying_price: F,
          mark_iv: 100 * iv,
          bid_iv: 100 * bidIv,
          ask_iv: 100 * (iv + half),
          mark_price: black76Price(F, K, T, iv, optionType) / F,
          best_bid_price: black76Price(F, K, T, bidIv, optionType) / F,
          best_ask_price: black76Price(F, K, T, iv + half, optionType) / F,
          ...g,
          open_interest: Math.round(1000 * Math.exp(-0.5 * z * z)) / 10,
        });
      }
    }
  }
  return { options, futures };
}

function hourlyHistory(h: SimulatedHistory, coin: number, seed: number): HourlyHistory {
  const bars = hourlyBars(h, coin, createRng(seed + coin));
  const t = new Float64Array(h.hours);
  const dvol = new Float64Array(h.hours);
  const volume = new Float64Array(h.hours);
  for (let k = 0; k < h.hours; k++) {
    t[k] = h.start * 1000 + k * HOUR_MS;
    dvol[k] = dvolIndex(volSnapshotAt(h, k, coin), coin);
    volume[k] = bars.volume[k]! / bars.close[k]!;
  }
  return { t, open: bars.open, high: bars.high, low: bars.low, close: bars.close, volume, dvol };
}
