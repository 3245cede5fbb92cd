/**
 * One option-chain snapshot in Deribit's shape: for each listed expiry and strike, a call and a put with the
 * forward (index plus a regime-dependent basis), mark/bid/ask implied vols from the SSVI surface, Black-76
 * prices in coin (USD price / forward) and Greeks in Deribit's units. Pure: state, time and a seeded rng in.
 */
import { black76Price, greeks } from '../../cells/options';
import type { Rng } from '../../cells/random';
import { listExpiries } from './expiries';
import { atmImpliedVol, type VolSnapshot } from './implied';
import { smileSlice, sliceVol } from './smile';
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

const YEAR_MS = 365 * 86_400_000;
const BASIS: readonly number[] = [0.08, 0.04, 0];
const SPREAD_STRESS: readonly number[] = [1, 1.3, 1.8];
const OI_BASE: Readonly<Record<number, number>> = { 0: 1500, 1: 12_000 };

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
    const T = (expiry - t) / YEAR_MS;
    const atm = atmImpliedVol(snap, coin, T);
    const F = indexPrice * Math.exp((BASIS[snap.regime]! + 0.003 * rng.normal()) * T);
    const slice = smileSlice(atm, T, snap.regime);
    const sd = atm * Math.sqrt(T);
    for (const K of strikeGrid(F, atm, T)) {
      const k = Math.log(K / F);
      const iv = sliceVol(slice, k, T);
      const z = Math.abs(k) / sd;
      const half = Math.min(5, (0.55 + 0.35 * z ** 1.5) * SPREAD_STRESS[snap.regime]!) / 100;
      const bidIv = Math.max(iv - half, 0.5 * iv);
      const askIv = iv + half;
      const oi =
        (OI_BASE[coin] ?? 500) * Math.exp(-0.5 * (z / 1.5) ** 2) * (0.3 + 2 * Math.min(T, 0.5));
      for (const type of ['call', 'put'] as const) {
        const row = grow(out);
        const c = out.columns;
        const g = greeks(F, K, T, iv, type);
        c.timestamp_ms[row] = t;
        c.expiry_ms[row] = expiry;
        c.strike[row] = K;
        c.is_call[row] = type === 'call' ? 1 : 0;
        c.underlying_price[row] = F;
        c.index_price[row] = indexPrice;
        c.mark_iv[row] = 100 * iv;
        c.bid_iv[row] = 100 * bidIv;
        c.ask_iv[row] = 100 * askIv;
        c.mark_price[row] = black76Price(F, K, T, iv, type) / F;
        c.best_bid_price[row] = black76Price(F, K, T, bidIv, type) / F;
        c.best_ask_price[row] = black76Price(F, K, T, askIv, type) / F;
        c.delta[row] = g.delta;
        c.gamma[row] = g.gamma;
        c.vega[row] = g.vega;
        c.theta[row] = g.theta;
        c.rho[row] = g.rho;
        const rowOi = Math.round(oi * Math.exp(0.5 * rng.normal()) * 10) / 10;
        c.open_interest[row] = rowOi;
        c.volume[row] = Math.round(rowOi * 0.15 * Math.exp(-2 * T + 0.8 * rng.normal()) * 10) / 10;
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
