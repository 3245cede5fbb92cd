/**
 * The fields of Deribit's payloads that carry exchange rules rather than market moves: fee rates, the price band
 * orders are accepted in, the last settlement price. Semantics from Deribit's API reference (docs.deribit.com,
 * public/get_instruments, public/ticker, public/get_order_book) and its fee schedule:
 * - `taker_commission`, `maker_commission`, `block_trade_commission`: fee as a fraction of the underlying per
 *   contract. BTC and ETH options pay 0.03% of the underlying both ways and in block trades (capped by Deribit
 *   at 12.5% of the option price); inverse futures 0.05% taker, 0 maker, 0.025% in block trades (the
 *   get_instruments example response for BTC-29SEP23 and BTC-PERPETUAL).
 * - `min_price`, `max_price`: the band around the mark price outside which orders are clamped or refused.
 *   Deribit does not publish its band formula; the simulator uses ±1% of the mark for futures and, for options,
 *   the mark ± the larger of half the mark and 0.015 coin, floored at one tick.
 * - `settlement_price`: the mark price at the last daily settlement (08:00 UTC); the simulator takes the mark
 *   the first time an instrument is quoted after that settlement (the simulated market keeps no past marks).
 * - `interest_value` (perpetuals): the funding accrual index positions' realized funding is computed from;
 *   0 here, as simulated funding is 0.
 * - `stats.volume_notional` (futures): the 24-hour volume in the quote currency (USD).
 *
 * @example
 * commissions('option'); // {maker_commission: 0.0003, taker_commission: 0.0003, block_trade_commission: 0.0003}
 */
import { MS_PER_DAY, MS_PER_HOUR } from '../../../cells/time';

/** Deribit's fee rates by kind, fractions of the underlying. */
export function commissions(kind: 'option' | 'future') {
  return kind === 'option'
    ? { maker_commission: 0.0003, taker_commission: 0.0003, block_trade_commission: 0.0003 }
    : { maker_commission: 0, taker_commission: 0.0005, block_trade_commission: 0.00025 };
}

const roundTo = (x: number, tick: number): number => Math.round(x / tick) * tick;

/** The price band around the mark that orders are accepted in, rounded to the tick. */
export function priceBand(kind: 'option' | 'future', mark: number, tick: number) {
  if (kind === 'future')
    return { min_price: roundTo(mark * 0.99, tick), max_price: roundTo(mark * 1.01, tick) };
  const half = Math.max(0.5 * mark, 0.015);
  return {
    min_price: Math.max(tick, roundTo(mark - half, tick)),
    max_price: roundTo(mark + half, tick),
  };
}

/** The last daily settlement (08:00 UTC) at or before `t`, in ms. */
export function lastSettlement(t: number): number {
  const day = Math.floor((t - 8 * MS_PER_HOUR) / MS_PER_DAY);
  return day * MS_PER_DAY + 8 * MS_PER_HOUR;
}

/** Settlement prices per instrument, kept for the current settlement period. */
export class SettlementBook {
  #period = -Infinity;
  readonly #prices = new Map<string, number>();

  /** The settlement price of `name` at time `t`: its mark the first time it was asked for since the settlement. */
  price(name: string, t: number, mark: number): number {
    const period = lastSettlement(t);
    if (period !== this.#period) {
      this.#period = period;
      this.#prices.clear();
    }
    let p = this.#prices.get(name);
    if (p === undefined) this.#prices.set(name, (p = mark));
    return p;
  }
}
