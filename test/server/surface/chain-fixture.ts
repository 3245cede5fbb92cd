/**
 * A synthetic option chain in Deribit's shapes (instruments, book summaries, markprice entries) on a known
 * SSVI surface (θ = 0.25·T, so a 50% ATM vol; ρ = −0.3, η = 1, γ = ½: an SVI slice per expiry) around a forward
 * 0.5% above the index, bids and asks one vol point either side. The default is a full chain: 12 expiries × 29 strikes × call and put = 696 options.
 */
import { black76Price, formatInstrument } from '../../../cells/options';
import { ssviTotalVariance } from '../../../cells/surface/ssvi';
import type { BookSummary, Instrument } from '../../../server/sources/deribit/records';

export const T0 = Date.UTC(2026, 0, 1);
export const EXPIRY_DAYS = [1, 2, 3, 7, 14, 21, 28, 56, 84, 112, 175, 266];
const YEAR_MS = 365 * 86_400_000;

export const SURFACE = { rho: -0.3, eta: 1, gamma: 0.5 };
export const smileIv = (k: number, T: number): number =>
  Math.sqrt(ssviTotalVariance(0.25 * T, k, SURFACE) / T);

export interface SyntheticChain {
  instruments: Instrument[];
  summaries: BookSummary[];
  marks: { instrument_name: string; mark_price: number; iv: number; timestamp: number }[];
  index: number;
}

export interface ChainSpec {
  t?: number;
  index?: number;
  days?: readonly number[];
  strikes?: number;
}

export function syntheticChain(spec: ChainSpec = {}): SyntheticChain {
  const t = spec.t ?? T0;
  const index = spec.index ?? 100_000;
  const out: SyntheticChain = { instruments: [], summaries: [], marks: [], index };
  for (const d of spec.days ?? EXPIRY_DAYS) {
    const expiryMs = Date.UTC(2026, 0, 1 + d, 8);
    const T = (expiryMs - t) / YEAR_MS;
    const F = index * 1.005;
    const n = spec.strikes ?? 29;
    const strikes = new Set<number>();
    for (let i = 0; i < n; i++) {
      const z = -2.5 + (5 * i) / (n - 1);
      strikes.add(Math.round((F * Math.exp(z * 0.5 * Math.sqrt(T))) / 100) * 100);
    }
    for (const K of strikes)
      for (const type of ['call', 'put'] as const) {
        const name = formatInstrument({
          kind: 'option',
          base: 'BTC',
          quote: null,
          expiryMs,
          strike: K,
          optionType: type,
        });
        const iv = smileIv(Math.log(K / F), T);
        const coin = (v: number) => black76Price(F, K, T, v, type) / F;
        out.instruments.push(instrument(name, expiryMs, K, type, t));
        out.summaries.push(summary(name, t, coin(iv), coin(iv - 0.01), coin(iv + 0.01), iv, F));
        out.marks.push({ instrument_name: name, mark_price: coin(iv), iv, timestamp: t });
      }
  }
  return out;
}

export function instrument(
  name: string,
  expiryMs: number,
  strike: number,
  type: 'call' | 'put',
  t: number,
): Instrument {
  return {
    instrument_name: name,
    kind: 'option',
    base_currency: 'BTC',
    quote_currency: 'USD',
    settlement_currency: 'BTC',
    counter_currency: 'USD',
    expiration_timestamp: expiryMs,
    creation_timestamp: t - 86_400_000,
    strike,
    option_type: type,
    settlement_period: 'day',
    is_active: true,
    tick_size: 0.0001,
    min_trade_amount: 0.1,
    contract_size: 1,
    instrument_id: null,
    taker_commission: 0.0003,
    maker_commission: 0.0003,
    block_trade_commission: 0.0003,
  };
}

export function summary(
  name: string,
  t: number,
  mark: number,
  bid: number | null,
  ask: number | null,
  iv: number | null,
  F: number,
  openInterest = 10,
): BookSummary {
  return {
    instrument_name: name,
    base_currency: 'BTC',
    quote_currency: 'USD',
    creation_timestamp: t,
    mark_price: mark,
    mark_iv: iv === null ? null : iv * 100,
    bid_price: bid,
    ask_price: ask,
    mid_price: bid !== null && ask !== null ? (bid + ask) / 2 : null,
    last: null,
    high: null,
    low: null,
    volume: 1,
    volume_usd: 0,
    open_interest: openInterest,
    underlying_price: F,
    underlying_index: 'SYN.BTC',
    estimated_delivery_price: F,
    interest_rate: 0,
    price_change: null,
    funding_8h: null,
    current_funding: null,
  };
}
