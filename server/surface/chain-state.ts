/**
 * One currency's option chain as followed live: seeded from `get_instruments` and
 * `get_book_summary_by_currency`, then kept current by `markprice.options.*` (mark price and IV of every option),
 * `deribit_price_index.*`, `deribit_volatility_index.*` and `instrument.state.option.*`, with bid/ask/OI from
 * periodic REST refreshes. Transport-free and clock-free: every update carries the exchange's own timestamp, and
 * `rollOff(t)` drops the expiries that have passed. Bid and ask IVs are implied from the coin prices at the
 * refresh (USD = coin × underlying_price, Black-76 on the forward).
 */
import { impliedVol, parseInstrument } from '../../cells/options';
import type { BookSummary, Instrument } from '../sources/deribit/records';

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

/** A consistent copy of the chain for computation. */
export interface ChainSnapshot {
  currency: string;
  /** Exchange time of the newest mark. */
  asOf: number;
  index: number | null;
  /** The index at the last REST refresh (forwards move with index / refreshIndex). */
  refreshIndex: number | null;
  dvol: number | null;
  options: readonly OptionRow[];
}

export interface ChainState {
  readonly currency: string;
  /** Replace the listing and refresh the quotes (seed, or re-seed after a reconnect). */
  seed(
    instruments: readonly Instrument[],
    summaries: readonly BookSummary[],
    index: number | null,
  ): void;
  /** Bid/ask/OI/volume/underlying from a REST refresh. */
  applySummaries(summaries: readonly BookSummary[], index: number | null): void;
  /** One message of each followed channel kind; returns false when the payload is malformed. */
  applyMarkprice(data: unknown): boolean;
  applyIndex(data: unknown): boolean;
  applyDvol(data: unknown): boolean;
  applyInstrumentState(data: unknown): boolean;
  /** Drop options expired at `t` (expiry ≤ t); returns how many. */
  rollOff(t: number): number;
  /** Exchange time of the newest mark. */
  readonly asOf: number;
  /** Bumped on every change, so a cycle can skip when nothing moved. */
  readonly version: number;
  snapshot(): ChainSnapshot;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** @example const chain = createChainState('BTC'); chain.seed(instruments, summaries, 95_000); */
export function createChainState(currency: string): ChainState {
  const rows = new Map<string, OptionRow>();
  let asOf = 0;
  let index: number | null = null;
  let refreshIndex: number | null = null;
  let dvol: number | null = null;
  let version = 0;

  const listed = (name: string): OptionRow | null => {
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
  };

  const applySummary = (s: BookSummary) => {
    const row = rows.get(s.instrument_name);
    if (!row) return;
    const F = s.underlying_price;
    row.underlying_price = F;
    row.underlying_index = s.underlying_index;
    row.open_interest = s.open_interest ?? 0;
    row.volume = s.volume ?? 0;
    row.bid_price = s.bid_price;
    row.ask_price = s.ask_price;
    row.book_t = s.creation_timestamp;
    // The stream's mark wins a tie: a summary replaces it only when strictly newer.
    if (row.mark_t < s.creation_timestamp && s.mark_price !== null) {
      row.mark_price = s.mark_price;
      row.mark_iv = s.mark_iv !== null && s.mark_iv > 0 ? s.mark_iv : null;
      row.mark_t = s.creation_timestamp;
      asOf = Math.max(asOf, s.creation_timestamp);
    }
    const T = (row.expiryMs - s.creation_timestamp) / YEAR_MS;
    const iv = (coin: number | null) =>
      coin !== null && coin > 0 && F !== null && F > 0 && T > 0
        ? impliedVol(coin * F, F, row.strike, T, row.type) * 100
        : NaN;
    const bid = s.bid_price ?? 0;
    const ask = s.ask_price ?? 0;
    row.book_flag = !(bid > 0) ? 'zero_bid' : ask > 0 && bid >= ask ? 'crossed' : null;
    const bidIv = row.book_flag === null ? iv(bid) : NaN;
    const askIv = row.book_flag !== 'crossed' ? iv(ask) : NaN;
    row.bid_iv = Number.isFinite(bidIv) ? bidIv : null;
    row.ask_iv = Number.isFinite(askIv) ? askIv : null;
  };

  return {
    currency,
    seed(instruments, summaries, idx) {
      // Marks that arrived before the listing (subscribed first, seeded second) are kept.
      const before = new Map(rows);
      rows.clear();
      for (const i of instruments) {
        if (i.kind !== 'option' || !i.is_active) continue;
        const row = before.get(i.instrument_name) ?? listed(i.instrument_name);
        if (row) rows.set(row.instrument_name, row);
      }
      if (idx !== null) index = idx;
      refreshIndex = index;
      for (const s of summaries) applySummary(s);
      version++;
    },
    applySummaries(summaries, idx) {
      if (idx !== null) index = idx;
      refreshIndex = index;
      for (const s of summaries) applySummary(s);
      version++;
    },
    applyMarkprice(data) {
      if (!Array.isArray(data)) return false;
      let ok = true;
      for (const raw of data as unknown[]) {
        const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
        const name = typeof o.instrument_name === 'string' ? o.instrument_name : '';
        const t = num(o.timestamp);
        if (name === '' || t === null) {
          ok = false;
          continue;
        }
        let row = rows.get(name);
        if (!row) {
          const fresh = listed(name);
          if (!fresh || fresh.expiryMs <= t) continue;
          rows.set(name, (row = fresh));
        }
        if (t < row.mark_t) continue;
        const iv = num(o.iv);
        row.mark_iv = iv !== null && iv > 0 ? iv * 100 : null;
        row.mark_price = num(o.mark_price);
        row.mark_t = t;
        asOf = Math.max(asOf, t);
      }
      version++;
      return ok;
    },
    applyIndex(data) {
      const o = (data ?? {}) as Record<string, unknown>;
      const price = num(o.price);
      if (price === null || !(price > 0)) return false;
      index = price;
      version++;
      return true;
    },
    applyDvol(data) {
      const v = num(((data ?? {}) as Record<string, unknown>).volatility);
      if (v === null) return false;
      dvol = v;
      version++;
      return true;
    },
    applyInstrumentState(data) {
      const o = (data ?? {}) as Record<string, unknown>;
      if (typeof o.instrument_name !== 'string' || typeof o.state !== 'string') return false;
      const name = o.instrument_name;
      if (['settled', 'closed', 'terminated', 'deactivated'].includes(o.state)) {
        if (rows.delete(name)) version++;
      } else if (['created', 'started'].includes(o.state) && !rows.has(name)) {
        const row = listed(name);
        if (row) {
          rows.set(name, row);
          version++;
        }
      }
      return true;
    },
    rollOff(t) {
      let n = 0;
      for (const [name, row] of rows)
        if (row.expiryMs <= t) {
          rows.delete(name);
          n++;
        }
      if (n > 0) version++;
      return n;
    },
    get version() {
      return version;
    },
    get asOf() {
      return asOf;
    },
    snapshot: () => ({
      currency,
      asOf,
      index,
      refreshIndex,
      dvol,
      options: [...rows.values()].map((r) => ({ ...r })),
    }),
  };
}
