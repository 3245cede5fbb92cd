/**
 * One option-chain snapshot in Deribit's shape: for each listed expiry and strike, a call and a put quoted by
 * `option-quote.ts` (the same quote the live feed serves), plus noisy open interest and volume. Pure: state,
 * time and a seeded rng in.
 */
import type { Rng } from '../../cells/random';
import { listExpiries } from './expiries';
import type { VolSnapshot } from './implied';
import { expiryContext, meanOpenInterest, quoteOption } from './option-quote';
import { strikeGrid } from './strikes';

export const CHAIN_NUMERIC_COLUMNS = [
  'timestamp_ms',
  'expiry_ms',
  'strike',
  'is_call',
  'underlying_price',
  'index_price',
  'mark_iv',
  'bid_iv',
  'ask_iv',
  'mark_price',
  'best_bid_price',
  'best_ask_price',
  'delta',
  'gamma',
  'vega',
  'theta',
  'rho',
  'open_interest',
  'volume',
] as const;
export type ChainColumn = (typeof CHAIN_NUMERIC_COLUMNS)[number];

/** Growable columnar chain rows. */
export interface ChainColumns {
  length: number;
  columns: Record<ChainColumn, Float64Array>;
}

export function createChainColumns(capacity = 1024): ChainColumns {
  const columns = {} as Record<ChainColumn, Float64Array>;
  for (const c of CHAIN_NUMERIC_COLUMNS) columns[c] = new Float64Array(capacity);
  return { length: 0, columns };
}

export interface ChainInput {
  /** Snapshot time, ms. */
  t: number;
  coin: number;
  indexPrice: number;
  snap: VolSnapshot;
}

/**
 * Append the chain at `input.t` to `out`; returns the number of options added.
 *
 * @example
 * const cols = createChainColumns();
 * appendChainSnapshot(cols, {t: Date.UTC(2025, 0, 6, 8), coin: 0, indexPrice: 95_000, snap}, createRng(1));
 */
export function appendChainSnapshot(out: ChainColumns, input: ChainInput, rng: Rng): number {
  const { t, coin, indexPrice, snap } = input;
  if (!(indexPrice > 0)) throw new RangeError(`invalid indexPrice: ${indexPrice}`);
  const before = out.length;
  for (const expiry of listExpiries(t)) {
    const e = expiryContext({
      t,
      expiryMs: expiry,
      coin,
      indexPrice,
      snap,
      basisNoise: rng.normal(),
    });
    for (const K of strikeGrid(e.F, e.atm, e.T)) {
      for (const type of ['call', 'put'] as const) {
        const q = quoteOption(e, K, type);
        const row = grow(out);
        const c = out.columns;
        c.timestamp_ms[row] = t;
        c.expiry_ms[row] = expiry;
        c.strike[row] = K;
        c.is_call[row] = type === 'call' ? 1 : 0;
        c.underlying_price[row] = e.F;
        c.index_price[row] = indexPrice;
        c.mark_iv[row] = q.mark_iv;
        c.bid_iv[row] = q.bid_iv;
        c.ask_iv[row] = q.ask_iv;
        c.mark_price[row] = q.mark_price;
        c.best_bid_price[row] = q.best_bid_price;
        c.best_ask_price[row] = q.best_ask_price;
        c.delta[row] = q.delta;
        c.gamma[row] = q.gamma;
        c.vega[row] = q.vega;
        c.theta[row] = q.theta;
        c.rho[row] = q.rho;
        const oi = meanOpenInterest(coin, q.z, e.T);
        const rowOi = Math.round(oi * Math.exp(0.5 * rng.normal()) * 10) / 10;
        c.open_interest[row] = rowOi;
        c.volume[row] =
          Math.round(rowOi * 0.15 * Math.exp(-2 * e.T + 0.8 * rng.normal()) * 10) / 10;
      }
    }
  }
  return out.length - before;
}

/** Index of a new row, doubling the columns when full. */
function grow(out: ChainColumns): number {
  const capacity = out.columns.strike.length;
  if (out.length === capacity) {
    for (const name of CHAIN_NUMERIC_COLUMNS) {
      const bigger = new Float64Array(capacity * 2);
      bigger.set(out.columns[name]);
      out.columns[name] = bigger;
    }
  }
  return out.length++;
}
