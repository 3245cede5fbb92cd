/**
 * Groups an option chain in Deribit's shape (column arrays, as from a DuckDB/Arrow query of
 * `get_book_summary_by_currency` / ticker snapshots) into one smile slice per expiry, keeping the out-of-the-money
 * side: puts with K < F, calls with K ≥ F.
 *
 * @example
 * const strike = [70_000, 80_000, 90_000, 100_000, 110_000, 120_000, 130_000];
 * const slices = chainToSlices({
 *   expiry: strike.map(() => '2024-03-29'),
 *   strike,
 *   type: strike.map((K) => (K < 100_000 ? 'put' : 'call')),
 *   underlying_price: strike.map(() => 100_000),
 *   mark_iv: strike.map((K) => 60 + 80 * Math.log(K / 100_000) ** 2), // percent, as Deribit
 *   timestamp: Date.UTC(2024, 2, 1),
 * });
 * const fits = slices.map((s) => vol.surface.fitSvi(s));
 */
import { expiryMs, yearFraction } from '../options/conventions';
import { median } from '../stats/quantile';

export interface ChainColumns {
  instrument_name?: ArrayLike<string>;
  /** Expiry as ms or an ISO date/time string (or Deribit code); 08:00 UTC for a bare date. */
  expiry: ArrayLike<number | string>;
  strike: ArrayLike<number>;
  type: ArrayLike<string>;
  underlying_price: ArrayLike<number>;
  /** Mark IV in percent, as Deribit reports it. */
  mark_iv: ArrayLike<number>;
  bid_iv?: ArrayLike<number>;
  ask_iv?: ArrayLike<number>;
  /** Snapshot time, ms. */
  timestamp: ArrayLike<number> | number;
}

export interface ChainSlice {
  expiryMs: number;
  /** Years to expiry (ACT/365) from the slice's latest timestamp. */
  T: number;
  /** Forward: the median underlying_price of the expiry's rows. */
  forward: number;
  strike: Float64Array;
  k: Float64Array;
  /** Mark IVs as fractions; bid/ask IVs as fractions (NaN where Deribit shows 0, i.e. no quote). */
  iv: Float64Array;
  bidIv: Float64Array;
  askIv: Float64Array;
  /** +1 call, −1 put. */
  type: Int8Array;
}

function sign(t: string): number {
  const u = t.toUpperCase();
  if (u === 'CALL' || u === 'C') return 1;
  if (u === 'PUT' || u === 'P') return -1;
  throw new RangeError(`invalid type: ${t}`);
}

const quoteIv = (v: number | undefined): number => (v !== undefined && v > 0 ? v / 100 : NaN);

/** One slice per expiry (ascending), OTM options only, sorted by strike; expired or IV-less rows dropped. */
export function chainToSlices(chain: ChainColumns): ChainSlice[] {
  const n = chain.strike.length;
  for (const key of ['expiry', 'type', 'underlying_price', 'mark_iv'] as const) {
    if (chain[key].length !== n)
      throw new RangeError(`invalid ${key} length: ${chain[key].length}`);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const e = expiryMs(chain.expiry[i]!);
    const rows = groups.get(e);
    if (rows) rows.push(i);
    else groups.set(e, [i]);
  }
  const ts = (i: number): number =>
    typeof chain.timestamp === 'number' ? chain.timestamp : chain.timestamp[i]!;
  const slices: ChainSlice[] = [];
  for (const [e, rows] of [...groups].sort((x, y) => x[0] - y[0])) {
    const forward = median(rows.map((i) => chain.underlying_price[i]!).filter((f) => f > 0));
    const T = yearFraction(Math.max(...rows.map(ts)), e);
    if (!(T > 0 && forward > 0)) continue;
    const keep = rows
      .filter((i) => {
        const K = chain.strike[i]!;
        const otm = sign(chain.type[i]!) > 0 ? K >= forward : K < forward;
        return otm && K > 0 && chain.mark_iv[i]! > 0;
      })
      .sort((x, y) => chain.strike[x]! - chain.strike[y]!);
    slices.push({
      expiryMs: e,
      T,
      forward,
      strike: Float64Array.from(keep, (i) => chain.strike[i]!),
      k: Float64Array.from(keep, (i) => Math.log(chain.strike[i]! / forward)),
      iv: Float64Array.from(keep, (i) => chain.mark_iv[i]! / 100),
      bidIv: Float64Array.from(keep, (i) => quoteIv(chain.bid_iv?.[i])),
      askIv: Float64Array.from(keep, (i) => quoteIv(chain.ask_iv?.[i])),
      type: Int8Array.from(keep, (i) => sign(chain.type[i]!)),
    });
  }
  return slices;
}
