/**
 * What the simulated exchange needs from a market model: a clock that advances, index prices, DVOL, and the
 * listed options and futures with their quotes in Deribit's units. `simulator-feed.ts` adapts the Vol Lab
 * market simulator; tests may substitute a scripted feed.
 */
export interface OptionQuote {
  instrument_name: string;
  expiryMs: number;
  strike: number;
  optionType: 'call' | 'put';
  /** The option's forward (Deribit's `underlying_price`). */
  underlying_price: number;
  /** Percent. */
  mark_iv: number;
  bid_iv: number;
  ask_iv: number;
  /** Coin. */
  mark_price: number;
  best_bid_price: number;
  best_ask_price: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  rho: number;
  open_interest: number;
}

export interface FutureQuote {
  instrument_name: string;
  /** Far in the future for the perpetual, as on Deribit. */
  expiryMs: number;
  perpetual: boolean;
  /** USD. */
  mark_price: number;
  open_interest: number;
}

/** Hourly history before the feed's start, for chart and DVOL backfills. */
export interface HourlyHistory {
  /** Bar open times, ms. */
  t: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  /** Coin units. */
  volume: Float64Array;
  /** DVOL at the end of each hour, vol points. */
  dvol: Float64Array;
}

export interface MarketFeed {
  /** Current feed time, ms. */
  time(): number;
  /** Step the model forward to `ms` (no-op when not after `time()`). */
  advance(ms: number): void;
  currencies(): readonly string[];
  indexPrice(currency: string): number;
  /** 30-day implied vol index, vol points. */
  dvol(currency: string): number;
  options(currency: string): readonly OptionQuote[];
  futures(currency: string): readonly FutureQuote[];
  history(currency: string): HourlyHistory | null;
}

/** Far-future expiry Deribit reports for perpetuals (year 3000). */
export const PERPETUAL_EXPIRY = 32_503_708_800_000;
