/**
 * The public JSON-RPC methods of the simulated exchange, answered from a `SimulatedMarket` with Deribit's field
 * names and units. Transport-free: `callMethod` returns the `result` or throws an `RpcFault`.
 */
import { resolutionMinutes } from '../deribit/paging';
import { lowerBound } from './trades';
import { chartBars, dvolCandles, historicalVolatility } from './series';
import type { SimulatedMarket } from './market';
import { tickSize } from './market';
import { PERPETUAL_EXPIRY } from './feed';
import { SettlementBook, commissions, priceBand } from './payload-extras';
import { MS_PER_DAY, MS_PER_MINUTE } from '../../../cells/time';

export class RpcFault extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

type P = Record<string, unknown>;

const invalid = (param: string, reason: string) =>
  new RpcFault(-32602, 'Invalid params', { param, reason });

function text(p: P, key: string, required = true): string | undefined {
  const v = p[key];
  if (v === undefined || v === '') {
    if (required) throw invalid(key, 'must be present');
    return undefined;
  }
  if (typeof v !== 'string') throw invalid(key, 'must be a string');
  return v;
}

function integer(p: P, key: string, fallback?: number): number {
  const v = p[key];
  if (v === undefined || v === '') {
    if (fallback === undefined) throw invalid(key, 'must be present');
    return fallback;
  }
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n)) throw invalid(key, 'must be an integer');
  return n;
}

function currencyOf(market: SimulatedMarket, p: P): string {
  const c = text(p, 'currency')!.toUpperCase();
  if (!market.feed.currencies().includes(c)) throw invalid('currency', 'unknown currency');
  return c;
}

function indexCurrency(market: SimulatedMarket, p: P, key = 'index_name'): string {
  const name = text(p, key)!;
  const c = name.split('_')[0]!.toUpperCase();
  if (!/_usd[c]?$/.test(name) || !market.feed.currencies().includes(c))
    throw invalid(key, 'unknown index');
  return c;
}

/** All public methods by name (without the `public/` prefix). */
export const PUBLIC_METHODS: Record<string, (m: SimulatedMarket, p: P) => unknown> = {
  get_time: (m) => m.time(),
  test: () => ({ version: '1.2.26-simulated' }),
  get_instruments(m, p) {
    const c = currencyOf(m, p);
    const kind = text(p, 'kind', false);
    if (kind && kind !== 'option' && kind !== 'future') return [];
    const out: P[] = [];
    const common = {
      base_currency: c,
      quote_currency: 'USD',
      counter_currency: 'USD',
      price_index: `${c.toLowerCase()}_usd`,
      // Coin-settled, USD-quoted: Deribit's inverse ("reversed") instruments.
      instrument_type: 'reversed',
      state: 'open',
      tick_size_steps: [],
      is_active: true,
      creation_timestamp: m.time() - MS_PER_DAY,
    };
    if (kind !== 'option')
      for (const f of m.feed.futures(c))
        out.push({
          ...common,
          instrument_name: f.instrument_name,
          kind: 'future',
          settlement_currency: c,
          expiration_timestamp: f.expiryMs,
          strike: null,
          option_type: null,
          settlement_period: f.perpetual ? 'perpetual' : 'month',
          tick_size: tickSize(f.instrument_name, 'future'),
          min_trade_amount: 10,
          contract_size: 10,
          ...commissions('future'),
        });
    if (kind !== 'future')
      for (const o of m.feed.options(c))
        out.push({
          ...common,
          instrument_name: o.instrument_name,
          kind: 'option',
          settlement_currency: c,
          expiration_timestamp: o.expiryMs,
          strike: o.strike,
          option_type: o.optionType,
          settlement_period: 'day',
          tick_size: 0.0001,
          min_trade_amount: 0.1,
          contract_size: 1,
          ...commissions('option'),
        });
    return out;
  },
  ticker: (m, p) => ticker(m, text(p, 'instrument_name')!),
  get_order_book(m, p) {
    const name = text(p, 'instrument_name')!;
    const depth = integer(p, 'depth', 5);
    if (depth < 1 || depth > 10_000) throw invalid('depth', 'must be in [1, 10000]');
    const t = ticker(m, name);
    const b = m.book(name);
    return {
      ...t,
      timestamp: b.timestamp,
      change_id: b.change_id,
      bids: b.bids.slice(0, depth),
      asks: b.asks.slice(0, depth),
    };
  },
  get_book_summary_by_currency(m, p) {
    const c = currencyOf(m, p);
    const kind = text(p, 'kind', false);
    const names = [
      ...(kind === 'option' ? [] : m.feed.futures(c).map((f) => f.instrument_name)),
      ...(kind === 'future' ? [] : m.feed.options(c).map((o) => o.instrument_name)),
    ];
    return names.map((name) => {
      const t = ticker(m, name);
      return {
        instrument_name: name,
        base_currency: c,
        quote_currency: 'USD',
        creation_timestamp: t.timestamp,
        mark_price: t.mark_price,
        mark_iv: t.mark_iv ?? null,
        bid_price: t.best_bid_price,
        ask_price: t.best_ask_price,
        mid_price: (t.best_bid_price + t.best_ask_price) / 2,
        last: t.last_price,
        high: null,
        low: null,
        volume: 0,
        volume_usd: 0,
        open_interest: t.open_interest,
        underlying_price: t.underlying_price,
        underlying_index: t.underlying_index,
        estimated_delivery_price: t.index_price,
        interest_rate: 0,
        price_change: null,
      };
    });
  },
  get_index_price(m, p) {
    const c = indexCurrency(m, p);
    const index = m.feed.indexPrice(c);
    return { index_price: index, estimated_delivery_price: index };
  },
  get_volatility_index_data(m, p) {
    const c = currencyOf(m, p);
    const start = integer(p, 'start_timestamp');
    const end = integer(p, 'end_timestamp');
    const resolution = text(p, 'resolution')!;
    if (!['1', '60', '3600', '43200', '1D'].includes(resolution))
      throw invalid('resolution', 'unsupported');
    return dvolCandles(m, c, start, end, resolution === '1D' ? 86_400 : Number(resolution));
  },
  get_tradingview_chart_data(m, p) {
    const name = text(p, 'instrument_name')!;
    const q = m.quote(name);
    if (!q || q.kind !== 'future') throw invalid('instrument_name', 'unknown instrument');
    let minutes: number;
    try {
      minutes = resolutionMinutes(text(p, 'resolution')!);
    } catch {
      throw invalid('resolution', 'unsupported');
    }
    return chartBars(
      m,
      name.split('-')[0]!,
      integer(p, 'start_timestamp'),
      integer(p, 'end_timestamp'),
      minutes,
    );
  },
  get_last_trades_by_currency_and_time(m, p) {
    const c = currencyOf(m, p);
    const kind = text(p, 'kind', false) ?? 'any';
    const start = integer(p, 'start_timestamp');
    const end = integer(p, 'end_timestamp');
    const count = integer(p, 'count', 10);
    if (count < 1 || count > 1000) throw invalid('count', 'must be in [1, 1000]');
    const sorting = text(p, 'sorting', false) ?? 'desc';
    const keptFrom = m.tradesKeptFrom(c);
    if (start < keptFrom)
      throw invalid(
        'start_timestamp',
        `the simulated exchange keeps trades from ${keptFrom} (the last ${m.window.tradesMs / MS_PER_MINUTE} min) on`,
      );
    const all = m.trades(c);
    const match = (name: string) => kind === 'any' || (kind === 'option') === /-[CP]$/.test(name);
    const inRange = [];
    for (let i = lowerBound(all, start); i < all.length && all[i]!.timestamp <= end; i++)
      if (match(all[i]!.instrument_name)) inRange.push(all[i]!);
    if (sorting !== 'asc') inRange.reverse();
    return { trades: inRange.slice(0, count), has_more: inRange.length > count };
  },
  get_historical_volatility: (m, p) => historicalVolatility(m, currencyOf(m, p)),
  get_delivery_prices(m, p) {
    const c = indexCurrency(m, p);
    const offset = integer(p, 'offset', 0);
    const count = integer(p, 'count', 10);
    const h = m.feed.history(c);
    const rows: { date: string; delivery_price: number }[] = [];
    if (h)
      for (let k = h.t.length - 1; k >= 0; k--)
        if (new Date(h.t[k]!).getUTCHours() === 8)
          rows.push({
            date: new Date(h.t[k]!).toISOString().slice(0, 10),
            delivery_price: h.open[k]!,
          });
    return { data: rows.slice(offset, offset + count), records_total: rows.length };
  },
};

const settlements = new WeakMap<SimulatedMarket, SettlementBook>();

function settlementPrice(m: SimulatedMarket, name: string, mark: number): number {
  let book = settlements.get(m);
  if (!book) settlements.set(m, (book = new SettlementBook()));
  return book.price(name, m.time(), mark);
}

/** The ticker of one instrument. */
export function ticker(m: SimulatedMarket, name: string) {
  const q = m.quote(name);
  if (!q) throw invalid('instrument_name', 'unknown instrument');
  const c = name.split('-')[0]!;
  const index = m.feed.indexPrice(c);
  const [bid, ask] = m.bidAsk(name);
  // Tickers (also `get_book_summary_by_currency`'s ~1,500) read the book without keeping it live.
  const book = m.peekBook(name);
  const trades = m.trades(c);
  let last: number | null = null;
  for (let i = trades.length - 1; i >= Math.max(0, trades.length - 500); i--)
    if (trades[i]!.instrument_name === name) {
      last = trades[i]!.price;
      break;
    }
  const common = {
    instrument_name: name,
    timestamp: m.time(),
    state: 'open',
    index_price: index,
    best_bid_price: book.bids[0]?.[0] ?? bid,
    best_bid_amount: book.bids[0]?.[1] ?? 0,
    best_ask_price: book.asks[0]?.[0] ?? ask,
    best_ask_amount: book.asks[0]?.[1] ?? 0,
    last_price: last,
    open_interest: q.q.open_interest,
    estimated_delivery_price: index,
    settlement_price: settlementPrice(m, name, q.q.mark_price),
    ...priceBand(q.kind, q.q.mark_price, tickSize(name, q.kind)),
  };
  const stats = { high: null, low: null, volume: 0, volume_usd: 0, price_change: null };
  if (q.kind === 'future')
    return {
      ...common,
      stats: { ...stats, volume_notional: 0 },
      mark_price: q.q.mark_price,
      underlying_price: undefined as number | undefined,
      underlying_index: undefined as string | undefined,
      mark_iv: undefined as number | undefined,
      ...(q.q.expiryMs === PERPETUAL_EXPIRY
        ? { current_funding: 0, funding_8h: 0, interest_value: 0 }
        : {}),
    };
  const o = q.q;
  return {
    ...common,
    stats,
    mark_price: o.mark_price,
    underlying_price: o.underlying_price as number | undefined,
    underlying_index: `${c}-${name.split('-')[1]}` as string | undefined,
    mark_iv: o.mark_iv as number | undefined,
    bid_iv: o.bid_iv,
    ask_iv: o.ask_iv,
    interest_rate: 0,
    greeks: { delta: o.delta, gamma: o.gamma, vega: o.vega, theta: o.theta, rho: o.rho },
  };
}

/**
 * Run a public method by name (`ticker` or `public/ticker`).
 *
 * @example
 * callMethod(market, 'public/get_index_price', {index_name: 'btc_usd'});
 */
export function callMethod(m: SimulatedMarket, method: string, params: P): unknown {
  const name = method.replace(/^public\//, '');
  const fn = Object.hasOwn(PUBLIC_METHODS, name) ? PUBLIC_METHODS[name] : undefined;
  if (!fn) throw new RpcFault(-32601, 'Method not found');
  return fn(m, params);
}
