/**
 * One option of the followed chain, and how a REST book summary updates it: bid/ask/OI/volume/underlying, the
 * mark when the summary is strictly newer than the stream's, and bid and ask IVs implied from the coin prices
 * (USD = coin × underlying_price, Black-76 on the forward). A zero bid leaves bid_iv null; a crossed book
 * (bid ≥ ask) leaves both null; each is flagged so the surface can count them.
 */
import { impliedVol, parseInstrument } from '../../cells/options';
import type { BookSummary } from '../sources/deribit/records';

const YEAR_MS = 365 * 86_400_000;

export interface OptionRow {
  instrument_name: string;
  expiryMs: number;
  strike: number;
  type: 'call' | 'put';
  /** Percent; null when the exchange gives none (or zero). */
  mark_iv: number | null;
  /** Coin. */
  mark_price: number | null;
  /** Exchange time of the last mark. */
  mark_t: number;
  bid_price: number | null;
  ask_price: number | null;
  bid_iv: number | null;
  ask_iv: number | null;
  /** Why bid/ask IVs are missing: a zero bid or a crossed book. */
  book_flag: 'zero_bid' | 'crossed' | null;
  open_interest: number;
  volume: number;
  underlying_price: number | null;
  underlying_index: string | null;
  /** Exchange time of the last REST refresh of this row. */
  book_t: number;
}

/**
 * A fresh row for an option of `currency`, or null when `name` is not one.
 *
 * @example
 * newOptionRow('BTC-27MAR26-100000-C', 'BTC')?.strike; // 100000
 */
export function newOptionRow(name: string, currency: string): OptionRow | null {
  let info;
  try {
    info = parseInstrument(name);
  } catch {
    return null;
  }
  if (info.kind !== 'option' || info.base !== currency || info.quote !== null) return null;
  return {
    instrument_name: name,
    expiryMs: info.expiryMs,
    strike: info.strike,
    type: info.optionType,
    mark_iv: null,
    mark_price: null,
    mark_t: 0,
    bid_price: null,
    ask_price: null,
    bid_iv: null,
    ask_iv: null,
    book_flag: null,
    open_interest: 0,
    volume: 0,
    underlying_price: null,
    underlying_index: null,
    book_t: 0,
  };
}

/** Apply a book summary to its row; returns whether the summary's mark replaced the row's. */
export function applySummaryTo(row: OptionRow, s: BookSummary): boolean {
  const F = s.underlying_price;
  row.underlying_price = F;
  row.underlying_index = s.underlying_index;
  row.open_interest = s.open_interest ?? 0;
  row.volume = s.volume ?? 0;
  row.bid_price = s.bid_price;
  row.ask_price = s.ask_price;
  row.book_t = s.creation_timestamp;
  // The stream's mark wins a tie: a summary replaces it only when strictly newer.
  const newerMark = row.mark_t < s.creation_timestamp && s.mark_price !== null;
  if (newerMark) {
    row.mark_price = s.mark_price;
    row.mark_iv = s.mark_iv !== null && s.mark_iv > 0 ? s.mark_iv : null;
    row.mark_t = s.creation_timestamp;
  }
  const T = (row.expiryMs - s.creation_timestamp) / YEAR_MS;
  const iv = (coin: number) =>
    coin > 0 && F !== null && F > 0 && T > 0
      ? impliedVol(coin * F, F, row.strike, T, row.type) * 100
      : NaN;
  const bid = s.bid_price ?? 0;
  const ask = s.ask_price ?? 0;
  row.book_flag = !(bid > 0) ? 'zero_bid' : ask > 0 && bid >= ask ? 'crossed' : null;
  const bidIv = row.book_flag === null ? iv(bid) : NaN;
  const askIv = row.book_flag !== 'crossed' ? iv(ask) : NaN;
  row.bid_iv = Number.isFinite(bidIv) ? bidIv : null;
  row.ask_iv = Number.isFinite(askIv) ? askIv : null;
  return newerMark;
}
