/**
 * Simulated trades: Poisson arrivals per currency (seeded), each on the perpetual, a dated future or an option
 * near the money, at the bid or the ask. Every trade gets a unique increasing `trade_id` and a per-instrument
 * `trade_seq`; the log is the ground truth the paging tests compare against.
 */
import type { Rng } from '../../../cells/random';
import type { Trade } from '../deribit/records';
import type { FutureQuote, OptionQuote } from './feed';
import { MS_PER_MINUTE } from '../../../cells/time';

export interface TradeQuotes {
  index: number;
  futures: readonly FutureQuote[];
  options: readonly OptionQuote[];
}

/** Trades per second per currency. */
export const TRADE_RATE = 3;

function poisson(lambda: number, rng: Rng): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

export interface TradeLog {
  /** Trades of one currency, ascending by (timestamp, trade_id). */
  trades: Trade[];
  nextId: number;
  seq: Map<string, number>;
  /** Trades before this time were dropped (`pruneTrades`); -Infinity while the log is complete. */
  keptFrom: number;
}

export function createTradeLog(firstId = 1): TradeLog {
  return { trades: [], nextId: firstId, seq: new Map(), keptFrom: -Infinity };
}

/** Drop trades older than `before` once at least `slackMs` of them piled up (so not every tick). */
export function pruneTrades(log: TradeLog, before: number, slackMs = MS_PER_MINUTE): void {
  const oldest = log.trades[0];
  if (!oldest || oldest.timestamp >= before - slackMs) return;
  log.trades.splice(0, lowerBound(log.trades, before));
  log.keptFrom = before;
}

/**
 * Draw the trades of one currency for a step of `dtMs` ending at `t`, append them to `log` and return them.
 *
 * @example
 * const fresh = generateTrades(log, quotes, t, 100, rng, 'BTC');
 */
export function generateTrades(
  log: TradeLog,
  q: TradeQuotes,
  t: number,
  dtMs: number,
  rng: Rng,
  prefix: string,
  rate = TRADE_RATE,
): Trade[] {
  const n = poisson((rate * dtMs) / 1000, rng);
  const out: Trade[] = [];
  const liquid = q.options.filter((o) => Math.abs(o.delta) > 0.1 && Math.abs(o.delta) < 0.9);
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    const buy = rng.next() < 0.5;
    let trade: Omit<Trade, 'trade_id' | 'trade_seq'>;
    if (u < 0.4 && liquid.length > 0) {
      const o = liquid[rng.int(liquid.length)]!;
      trade = base(
        t,
        o.instrument_name,
        buy ? o.best_ask_price : o.best_bid_price,
        0.1 * (1 + rng.int(10)),
        buy,
        q.index,
        o.mark_price,
      );
      trade.iv = buy ? o.ask_iv : o.bid_iv;
    } else {
      const f =
        u < 0.9 || q.futures.length === 1
          ? q.futures[0]!
          : q.futures[1 + rng.int(q.futures.length - 1)]!;
      const half = Math.max(0.5, f.mark_price * 5e-5);
      const price = Math.round((f.mark_price + (buy ? half : -half)) * 2) / 2;
      trade = base(t, f.instrument_name, price, 10 * (1 + rng.int(50)), buy, q.index, f.mark_price);
    }
    const seq = (log.seq.get(trade.instrument_name) ?? 0) + 1;
    log.seq.set(trade.instrument_name, seq);
    const full: Trade = { ...trade, trade_id: `${prefix}-${log.nextId++}`, trade_seq: seq };
    log.trades.push(full);
    out.push(full);
  }
  return out;
}

function base(
  t: number,
  instrument_name: string,
  price: number,
  amount: number,
  buy: boolean,
  index: number,
  mark: number,
): Omit<Trade, 'trade_id' | 'trade_seq'> {
  return {
    timestamp: t,
    instrument_name,
    price: Number(price.toFixed(8)),
    amount: Number(amount.toFixed(8)),
    direction: buy ? 'buy' : 'sell',
    index_price: index,
    mark_price: mark,
    iv: null,
    tick_direction: buy ? 0 : 2,
    liquidation: null,
    block_trade_id: null,
  };
}

/** Index of the first trade with timestamp ≥ t (binary search). */
export function lowerBound(trades: readonly Trade[], t: number): number {
  let lo = 0;
  let hi = trades.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trades[mid]!.timestamp < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
