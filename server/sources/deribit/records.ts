/**
 * Typed records of Deribit's public market data, in Deribit's own field names and units: `mark_iv`, `bid_iv`,
 * `ask_iv` in percent; option prices in coin (× `underlying_price` or `index_price` for USD); timestamps in
 * ms; DVOL in vol points; `iv` of `markprice.options` a fraction. Fields the exchange may omit are nullable.
 */
export type Kind = 'option' | 'future' | 'spot' | 'future_combo' | 'option_combo';

export interface Instrument {
  instrument_name: string;
  kind: string;
  base_currency: string;
  quote_currency: string | null;
  settlement_currency: string | null;
  counter_currency: string | null;
  expiration_timestamp: number;
  creation_timestamp: number | null;
  /** Null for futures and perpetuals. */
  strike: number | null;
  option_type: 'call' | 'put' | null;
  settlement_period: string | null;
  is_active: boolean;
  tick_size: number | null;
  min_trade_amount: number | null;
  contract_size: number | null;
  instrument_id: number | null;
  /** Fees as fractions of the underlying (options: 0.0003 of the underlying, capped at 12.5% of the price). */
  taker_commission: number | null;
  maker_commission: number | null;
  block_trade_commission: number | null;
}

export interface BookSummary {
  instrument_name: string;
  base_currency: string | null;
  quote_currency: string | null;
  creation_timestamp: number;
  mark_price: number | null;
  mark_iv: number | null;
  bid_price: number | null;
  ask_price: number | null;
  mid_price: number | null;
  last: number | null;
  high: number | null;
  low: number | null;
  volume: number | null;
  volume_usd: number | null;
  open_interest: number | null;
  underlying_price: number | null;
  underlying_index: string | null;
  estimated_delivery_price: number | null;
  interest_rate: number | null;
  price_change: number | null;
  funding_8h: number | null;
  current_funding: number | null;
}

export interface OptionGreeks {
  delta: number | null;
  gamma: number | null;
  vega: number | null;
  theta: number | null;
  rho: number | null;
}

export interface Ticker {
  instrument_name: string;
  timestamp: number;
  state: string | null;
  index_price: number | null;
  underlying_price: number | null;
  underlying_index: string | null;
  mark_price: number | null;
  mark_iv: number | null;
  bid_iv: number | null;
  ask_iv: number | null;
  best_bid_price: number | null;
  best_bid_amount: number | null;
  best_ask_price: number | null;
  best_ask_amount: number | null;
  last_price: number | null;
  open_interest: number | null;
  interest_rate: number | null;
  settlement_price: number | null;
  /** The band around the mark outside which orders are clamped or refused. */
  min_price: number | null;
  max_price: number | null;
  /** Perpetuals: the funding accrual index. */
  interest_value: number | null;
  estimated_delivery_price: number | null;
  current_funding: number | null;
  funding_8h: number | null;
  greeks: OptionGreeks | null;
  stats: {
    high: number | null;
    low: number | null;
    volume: number | null;
    volume_usd: number | null;
    /** Futures: 24-hour volume in the quote currency. */
    volume_notional: number | null;
    price_change: number | null;
  } | null;
}

export type Level = [price: number, amount: number];

export interface OrderBookSnapshot extends Ticker {
  change_id: number;
  bids: Level[];
  asks: Level[];
}

export interface IndexPrice {
  index_price: number;
  estimated_delivery_price: number | null;
}

/** DVOL candles `[timestamp, open, high, low, close]` and the cursor of the next (older) page. */
export interface VolatilityIndexPage {
  data: [number, number, number, number, number][];
  continuation: number | null;
}

/** Columnar OHLCV bars (`ticks` in ms). */
export interface ChartData {
  status: 'ok' | 'no_data';
  ticks: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  cost: Float64Array;
}

export interface Trade {
  trade_id: string;
  trade_seq: number | null;
  timestamp: number;
  instrument_name: string;
  price: number;
  amount: number;
  direction: 'buy' | 'sell';
  index_price: number | null;
  mark_price: number | null;
  /** Options only, percent. */
  iv: number | null;
  tick_direction: number | null;
  liquidation: string | null;
  block_trade_id: string | null;
}

export interface TradesPage {
  trades: Trade[];
  has_more: boolean;
}

export interface DeliveryPrices {
  data: { date: string; delivery_price: number }[];
  records_total: number;
}

/** Historical volatility points `[timestamp, percent]`. */
export type HistoricalVolatility = [number, number][];
