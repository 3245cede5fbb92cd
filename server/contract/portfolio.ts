/**
 * The portfolio's wire types: `/api/portfolio/*` and the `portfolio_update` channel on `/api/live`. Deribit's
 * units throughout: options' amount in coins and prices in coin; futures' and perpetuals' amount in USD notional
 * and prices in USD. P&L and value in coin (the position's currency) and USD; Greeks as Deribit quotes them,
 * times the amount (delta in coin, gamma per USD of the forward, vega USD per vol point, theta USD per day).
 * Times are ms since the epoch (UTC).
 */

/** `POST /api/portfolio/trades` (and each CSV row, and `PUT /api/portfolio/trades/{id}`). */
export interface TradeInput {
  instrument_name: string;
  direction: 'buy' | 'sell';
  amount: number;
  price: number;
  /** Coin; default 0. */
  fee?: number;
  /** Default: when the sidecar received it. */
  timestamp?: number;
  /** Resubmitting with the same client_id returns the original fill and stores nothing. */
  client_id?: string;
}

export interface FillWire {
  id: string;
  client_id: string | null;
  instrument_name: string;
  direction: 'buy' | 'sell';
  amount: number;
  price: number;
  fee: number;
  timestamp: number;
  /** When the sidecar stored it. */
  created_at: number;
}

/** `POST /api/portfolio/trades`: 201 with `duplicate: false`, or 200 with the original fill and `duplicate: true`. */
export interface TradeResult {
  fill: FillWire;
  duplicate: boolean;
}

/**
 * `POST /api/portfolio/trades/batch` with `{trades: TradeInput[]}` (at most 1,000): all stored in one
 * transaction, or none (400 with `item_errors: {index, error}[]`); results in the order sent.
 */
export interface BatchResult {
  stored: number;
  results: TradeResult[];
}

/** `POST /api/portfolio/trades/import` with `{csv}`: all rows stored, or none (400 with `row_errors`). */
export interface ImportResult {
  imported: number;
  duplicates: number;
  fills: FillWire[];
}

export interface CsvRowError {
  /** 1-based line of the CSV text (the header is line 1). */
  line: number;
  error: string;
}

export interface GreeksWire {
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
}

/** Where a mark came from: the option's own mark, the forward of its expiry (futures) or the index. */
export type MarkSourceWire = 'option_mark' | 'expiry_forward' | 'index';

export interface MarkWire {
  /** Options: coin; futures and perpetuals: USD. Null when there is no mark for the instrument. */
  price: number | null;
  /** Mark IV in percent (options). */
  iv: number | null;
  /** The option's forward (underlying_price). */
  underlying: number | null;
  index: number | null;
  source: MarkSourceWire | null;
  /** Exchange time of the mark, and its age when the figure was computed. */
  timestamp: number | null;
  age_ms: number | null;
}

export interface PositionWire {
  instrument_name: string;
  kind: 'option' | 'future' | 'perpetual';
  currency: 'BTC' | 'ETH';
  expiry: string | null;
  strike: number | null;
  option_type: 'call' | 'put' | null;
  /** Signed net amount (long positive). */
  amount: number;
  avg_price: number;
  fills: number;
  fees: number;
  mark: MarkWire;
  /** Null when unmarked. */
  unrealized_pnl: number | null;
  unrealized_pnl_usd: number | null;
  realized_pnl: number;
  realized_pnl_usd: number | null;
  value: number | null;
  value_usd: number | null;
  greeks: GreeksWire | null;
}

export interface CurrencySummaryWire extends GreeksWire {
  currency: 'BTC' | 'ETH';
  index: number | null;
  unrealized_pnl: number;
  realized_pnl: number;
  value: number;
  by_expiry: Record<string, GreeksWire>;
  by_strike: Record<string, GreeksWire>;
}

/** `GET /api/portfolio/summary`, and the `portfolio_update` event's data. */
export interface PortfolioSummaryWire {
  as_of: number;
  unrealized_pnl_usd: number;
  realized_pnl_usd: number;
  value_usd: number;
  /** Greeks, P&L and value per currency (a BTC delta and an ETH delta do not add). */
  currencies: CurrencySummaryWire[];
  positions: number;
  /** Open positions without a mark: left out of the totals, listed by name. */
  unmarked: string[];
  /** The oldest mark behind any figure, ms. */
  oldest_mark_age_ms: number | null;
}

/** `GET /api/portfolio/positions`. */
export interface PositionsWire {
  as_of: number;
  positions: PositionWire[];
}

export interface ScenarioGridWire {
  currency: 'BTC' | 'ETH';
  /** Relative spot moves, vol shifts in vol points, horizons in days. */
  spot_shocks: number[];
  vol_shifts: number[];
  horizons: number[];
  /** P&L in USD as [horizon][vol][spot]. */
  pnl_usd: number[][][];
}

export interface VarWire {
  confidence: number;
  /** USD, a positive number is a loss. */
  var: number;
  es: number;
  /** Days of history (historical) used. */
  n: number;
}

/** `GET /api/portfolio/risk`. */
export interface PortfolioRiskWire {
  as_of: number;
  grids: ScenarioGridWire[];
  /** 1-day VaR/ES by historical simulation with full revaluation, and by delta-gamma (Cornish–Fisher). */
  historical: VarWire | null;
  /** Historical simulation again, each day also moving implied vol by that day's DVOL change (parallel). */
  historical_with_iv: VarWire | null;
  delta_gamma: VarWire | null;
  /** The daily history behind both: its first and last day (YYYY-MM-DD). */
  history: { from: string; to: string } | null;
  /** Why VaR is missing (no history, or positions without marks). */
  var_reason: string | null;
  unmarked: string[];
}

/** One instrument the add-trade form can complete, with its live mark (null when unmarked). */
export interface InstrumentChoiceWire {
  instrument_name: string;
  kind: 'option' | 'future' | 'perpetual';
  mark_price: number | null;
}

/** `GET /api/portfolio/instruments`: what the live chain lists now (empty without a live surface). */
export interface InstrumentChoicesWire {
  as_of: number;
  instruments: InstrumentChoiceWire[];
}

/** One point of `GET /api/portfolio/history`. */
export interface ValuePointWire {
  t: number;
  value_usd: number;
  pnl_usd: number;
  change_usd: number;
  return: number | null;
  drawdown_usd: number;
}

/** `GET /api/portfolio/history?since=&until=`. */
export interface PortfolioHistoryWire {
  since: number;
  until: number;
  points: ValuePointWire[];
  max_drawdown_usd: number;
  max_drawdown_at: number | null;
}
