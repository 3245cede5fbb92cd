/**
 * One currency's option chain as followed live: seeded from `get_instruments` and
 * `get_book_summary_by_currency`, then kept current by `markprice.options.*` (mark price and IV of every option),
 * `deribit_price_index.*`, `deribit_volatility_index.*` and `instrument.state.option.*`, with bid/ask/OI from
 * periodic REST refreshes. Transport-free and clock-free: every update carries the exchange's own timestamp, and
 * `rollOff(t)` drops the expiries that have passed.
 */
import type { BookSummary, Instrument } from '../sources/deribit/records';
import { applySummaryTo, newOptionRow, type OptionRow } from './option-row';

export type { OptionRow } from './option-row';

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

  const listed = (name: string) => newOptionRow(name, currency);
  const applySummary = (x: BookSummary) => {
    const row = rows.get(x.instrument_name);
    if (!row) return;
    if (applySummaryTo(row, x)) asOf = Math.max(asOf, x.creation_timestamp);
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
