/** Raw Deribit JSON → typed records (see `records.ts`), tolerant of extra fields and nulls. */
import { asArray, asObject, bool, floats, levels, num, req, str, type Json } from './fields';
import type {
  BookSummary,
  ChartData,
  DeliveryPrices,
  HistoricalVolatility,
  IndexPrice,
  Instrument,
  OptionGreeks,
  OrderBookSnapshot,
  Ticker,
  Trade,
  TradesPage,
  VolatilityIndexPage,
} from './records';

/** @example parseInstrumentRecord({instrument_name: 'BTC-PERPETUAL', kind: 'future', …}) */
export function parseInstrumentRecord(raw: unknown): Instrument {
  const o = asObject(raw, 'instrument');
  const type = str(o, 'option_type');
  return {
    instrument_name: str(o, 'instrument_name') ?? '',
    kind: str(o, 'kind') ?? '',
    base_currency: str(o, 'base_currency') ?? '',
    quote_currency: str(o, 'quote_currency'),
    settlement_currency: str(o, 'settlement_currency'),
    counter_currency: str(o, 'counter_currency'),
    expiration_timestamp: req(o, 'expiration_timestamp'),
    creation_timestamp: num(o, 'creation_timestamp'),
    strike: num(o, 'strike'),
    option_type: type === 'call' || type === 'put' ? type : null,
    settlement_period: str(o, 'settlement_period'),
    is_active: bool(o, 'is_active') ?? true,
    tick_size: num(o, 'tick_size'),
    min_trade_amount: num(o, 'min_trade_amount'),
    contract_size: num(o, 'contract_size'),
    instrument_id: num(o, 'instrument_id'),
    taker_commission: num(o, 'taker_commission'),
    maker_commission: num(o, 'maker_commission'),
    block_trade_commission: num(o, 'block_trade_commission'),
  };
}

export function parseBookSummary(raw: unknown): BookSummary {
  const o = asObject(raw, 'book summary');
  return {
    instrument_name: str(o, 'instrument_name') ?? '',
    base_currency: str(o, 'base_currency'),
    quote_currency: str(o, 'quote_currency'),
    creation_timestamp: req(o, 'creation_timestamp'),
    mark_price: num(o, 'mark_price'),
    mark_iv: num(o, 'mark_iv'),
    bid_price: num(o, 'bid_price'),
    ask_price: num(o, 'ask_price'),
    mid_price: num(o, 'mid_price'),
    last: num(o, 'last'),
    high: num(o, 'high'),
    low: num(o, 'low'),
    volume: num(o, 'volume'),
    volume_usd: num(o, 'volume_usd'),
    open_interest: num(o, 'open_interest'),
    underlying_price: num(o, 'underlying_price'),
    underlying_index: str(o, 'underlying_index'),
    estimated_delivery_price: num(o, 'estimated_delivery_price'),
    interest_rate: num(o, 'interest_rate'),
    price_change: num(o, 'price_change'),
    funding_8h: num(o, 'funding_8h'),
    current_funding: num(o, 'current_funding'),
  };
}

function parseGreeks(raw: unknown): OptionGreeks | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const g = raw as Json;
  return {
    delta: num(g, 'delta'),
    gamma: num(g, 'gamma'),
    vega: num(g, 'vega'),
    theta: num(g, 'theta'),
    rho: num(g, 'rho'),
  };
}

export function parseTicker(raw: unknown): Ticker {
  const o = asObject(raw, 'ticker');
  const s = typeof o.stats === 'object' && o.stats !== null ? (o.stats as Json) : null;
  return {
    instrument_name: str(o, 'instrument_name') ?? '',
    timestamp: req(o, 'timestamp'),
    state: str(o, 'state'),
    index_price: num(o, 'index_price'),
    underlying_price: num(o, 'underlying_price'),
    underlying_index: str(o, 'underlying_index'),
    mark_price: num(o, 'mark_price'),
    mark_iv: num(o, 'mark_iv'),
    bid_iv: num(o, 'bid_iv'),
    ask_iv: num(o, 'ask_iv'),
    best_bid_price: num(o, 'best_bid_price'),
    best_bid_amount: num(o, 'best_bid_amount'),
    best_ask_price: num(o, 'best_ask_price'),
    best_ask_amount: num(o, 'best_ask_amount'),
    last_price: num(o, 'last_price'),
    open_interest: num(o, 'open_interest'),
    interest_rate: num(o, 'interest_rate'),
    settlement_price: num(o, 'settlement_price'),
    min_price: num(o, 'min_price'),
    max_price: num(o, 'max_price'),
    interest_value: num(o, 'interest_value'),
    estimated_delivery_price: num(o, 'estimated_delivery_price'),
    current_funding: num(o, 'current_funding'),
    funding_8h: num(o, 'funding_8h'),
    greeks: parseGreeks(o.greeks),
    stats: s
      ? {
          high: num(s, 'high'),
          low: num(s, 'low'),
          volume: num(s, 'volume'),
          volume_usd: num(s, 'volume_usd'),
          volume_notional: num(s, 'volume_notional'),
          price_change: num(s, 'price_change'),
        }
      : null,
  };
}

export function parseOrderBook(raw: unknown): OrderBookSnapshot {
  const o = asObject(raw, 'order book');
  return {
    ...parseTicker(o),
    change_id: req(o, 'change_id'),
    bids: levels(o.bids),
    asks: levels(o.asks),
  };
}

export function parseIndexPrice(raw: unknown): IndexPrice {
  const o = asObject(raw, 'index price');
  return {
    index_price: req(o, 'index_price'),
    estimated_delivery_price: num(o, 'estimated_delivery_price'),
  };
}

export function parseVolatilityIndexPage(raw: unknown): VolatilityIndexPage {
  const o = asObject(raw, 'volatility index data');
  const data: VolatilityIndexPage['data'] = [];
  for (const row of Array.isArray(o.data) ? o.data : []) {
    if (!Array.isArray(row) || row.length < 5) continue;
    const [t, op, hi, lo, cl] = row.map(Number) as [number, number, number, number, number];
    if (Number.isFinite(t)) data.push([t, op, hi, lo, cl]);
  }
  return { data, continuation: num(o, 'continuation') };
}

export function parseChartData(raw: unknown): ChartData {
  const o = asObject(raw, 'chart data');
  const ticks = floats(o.ticks);
  const column = (key: string) => {
    const c = floats(o[key]);
    if (c.length === ticks.length) return c;
    const out = new Float64Array(ticks.length).fill(NaN);
    out.set(c.subarray(0, ticks.length));
    return out;
  };
  return {
    status: str(o, 'status') === 'ok' && ticks.length > 0 ? 'ok' : 'no_data',
    ticks,
    open: column('open'),
    high: column('high'),
    low: column('low'),
    close: column('close'),
    volume: column('volume'),
    cost: column('cost'),
  };
}

export function parseTrade(raw: unknown): Trade {
  const o = asObject(raw, 'trade');
  return {
    trade_id: str(o, 'trade_id') ?? '',
    trade_seq: num(o, 'trade_seq'),
    timestamp: req(o, 'timestamp'),
    instrument_name: str(o, 'instrument_name') ?? '',
    price: req(o, 'price'),
    amount: req(o, 'amount'),
    direction: str(o, 'direction') === 'sell' ? 'sell' : 'buy',
    index_price: num(o, 'index_price'),
    mark_price: num(o, 'mark_price'),
    iv: num(o, 'iv'),
    tick_direction: num(o, 'tick_direction'),
    liquidation: str(o, 'liquidation'),
    block_trade_id: str(o, 'block_trade_id'),
  };
}

export function parseTradesPage(raw: unknown): TradesPage {
  const o = asObject(raw, 'trades');
  return {
    trades: asArray(o.trades ?? [], 'trades').map(parseTrade),
    has_more: bool(o, 'has_more') ?? false,
  };
}

export function parseHistoricalVolatility(raw: unknown): HistoricalVolatility {
  const out: HistoricalVolatility = [];
  for (const row of asArray(raw, 'historical volatility')) {
    if (Array.isArray(row) && row.length >= 2) out.push([Number(row[0]), Number(row[1])]);
  }
  return out;
}

export function parseDeliveryPrices(raw: unknown): DeliveryPrices {
  const o = asObject(raw, 'delivery prices');
  const data = asArray(o.data ?? [], 'delivery prices').map((r) => {
    const row = asObject(r, 'delivery price');
    return { date: str(row, 'date') ?? '', delivery_price: req(row, 'delivery_price') };
  });
  return { data, records_total: num(o, 'records_total') ?? data.length };
}
