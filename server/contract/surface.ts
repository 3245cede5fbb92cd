/**
 * The live surface's wire types, shared by `GET /api/volatility/surface/latest`, the `surface.{BTC,ETH}`
 * channel on `/api/live` and `POST /api/volatility/surface/freeze`. Type-only: no runtime imports, so the web
 * side can import it. IVs are in percent as Deribit quotes them; times are ms since the epoch (UTC); money in
 * USD; open interest in contracts (coins).
 */

export type SurfaceCurrency = 'BTC' | 'ETH';

/** Raw SVI parameters of one expiry in total variance: w(k) = a + b(ρ(k − m) + √((k − m)² + σ²)). */
export interface SviWire {
  a: number;
  b: number;
  rho: number;
  m: number;
  sigma: number;
}

/** One strike of one expiry: the out-of-the-money option's quotes (put below the forward, call at or above). */
export interface SurfacePoint {
  strike: number;
  /** ln(K/F). */
  k: number;
  instrument_name: string;
  mark_iv: number | null;
  bid_iv: number | null;
  ask_iv: number | null;
  /** The SVI fit at this strike; null when the expiry has no fit. */
  fit_iv: number | null;
  /** asOf minus the time of this strike's last mark (markprice channel). */
  age_ms: number;
  /** asOf minus the time of its last bid/ask/OI refresh (REST). */
  book_age_ms: number;
  call_oi: number;
  put_oi: number;
  volume: number;
}

export interface ExpiryFitQuality {
  /** RMSE of fitted against mark IVs, vol points. */
  rmse_iv: number;
  /** Share of quoted strikes whose fitted IV lies within [bid_iv, ask_iv] (null when none is quoted both sides). */
  inside_bid_ask: number | null;
  /** Points fitted. */
  n: number;
}

export interface ExpiryMetrics {
  atm_iv: number;
  rr25: number;
  bf25: number;
  rr10: number;
  bf10: number;
  /** ATM straddle at the fitted ATM vol: USD, and percent of the forward. */
  expected_move_usd: number;
  expected_move_pct: number;
}

export interface GexWire {
  /** Convention "calls +, puts −" (dealers long calls, short puts); USD per 1% spot move. */
  by_strike: { strike: number; call: number; put: number; net: number }[];
  total: number;
  zero_gamma: number | null;
}

/** Quotes set aside or repaired, per expiry and in total. */
export interface QuoteCounts {
  /** Strikes with a usable mark IV. */
  quotes: number;
  /** Options whose mark IV is missing, zero or not finite. */
  no_iv: number;
  /** Options with no bid (zero or missing): bid_iv null. */
  zero_bid: number;
  /** Options whose bid is at or above the ask: bid_iv and ask_iv null. */
  crossed: number;
}

export interface SurfaceExpiry {
  /** Deribit's expiry code, e.g. `27MAR26`. */
  expiry: string;
  expiry_ms: number;
  /** Years to expiry from asOf (ACT/365). */
  T: number;
  /** The expiry's forward: the last REST `underlying_price`, moved with the index since. */
  forward: number;
  svi: SviWire | null;
  fit: ExpiryFitQuality | null;
  /** Why there is no fit (null when there is one). */
  fit_reason: string | null;
  metrics: ExpiryMetrics | null;
  counts: QuoteCounts;
  open_interest: { call: number; put: number };
  max_pain: number | null;
  gex: GexWire;
  points: SurfacePoint[];
}

export interface ArbitrageWire {
  /** Butterfly violations (Durrleman's g < 0) per expiry code. */
  butterfly: { expiry: string; violations: number }[];
  /** Calendar violations (total variance decreasing in T) between consecutive fitted expiries. */
  calendar: { from: string; to: string; violations: number }[];
  ok: boolean;
}

export interface SsviWire {
  rho: number;
  eta: number;
  gamma: number;
  rmse_iv: number;
  /** Expiry codes of the slices fitted, and their ATM total variances θ. */
  expiries: string[];
  theta: number[];
}

export interface FeedGap {
  channel: string | null;
  reason: string;
  since: number;
  until: number;
}

export interface FeedStatus {
  connected: boolean;
  /** Per upstream channel: wall-clock time of the last message, and how long ago it was (at serve time). */
  channels: Record<string, { last_ms: number | null; silent_ms: number | null }>;
  /** Reconnect gaps and malformed frames, newest last (bounded). */
  gaps: FeedGap[];
  reconnects: number;
  /** Last REST refresh of bid/ask/OI (wall clock) and how many have failed. */
  refreshed_ms: number | null;
  refresh_errors: number;
}

/** The full state served by `GET /api/volatility/surface/latest`. */
export interface SurfaceState {
  currency: SurfaceCurrency;
  /** Exchange time of the newest mark data the surface is computed from. */
  asOf: number;
  /** True when a followed channel has been silent over the limit (5 s) or the feed is down. */
  stale: boolean;
  index_price: number | null;
  dvol: number | null;
  expiries: SurfaceExpiry[];
  /** Constant-maturity ATM IVs interpolated in total variance between fitted expiries. */
  term_structure: { days: number[]; atm_iv: number[] };
  ssvi: SsviWire | null;
  arbitrage: ArbitrageWire;
  gex_total: GexWire;
  counts: QuoteCounts;
  feed: FeedStatus;
}

/** One expiry of a `surface.*` channel message: fits and points as parallel arrays. */
export interface CompactExpiry {
  expiry: string;
  expiry_ms: number;
  T: number;
  forward: number;
  svi: SviWire | null;
  fit_reason: string | null;
  atm_iv: number | null;
  rr25: number | null;
  bf25: number | null;
  rmse_iv: number | null;
  strikes: number[];
  mark_iv: (number | null)[];
  bid_iv: (number | null)[];
  ask_iv: (number | null)[];
  age_ms: number[];
}

/** The `data` of a `surface.BTC` / `surface.ETH` message (kept under 50 KB). */
export interface CompactSurface {
  currency: SurfaceCurrency;
  asOf: number;
  stale: boolean;
  index_price: number | null;
  dvol: number | null;
  term_structure: { days: number[]; atm_iv: number[] };
  zero_gamma: number | null;
  expiries: CompactExpiry[];
}

/** What `POST /api/volatility/surface/freeze` returns. */
export interface FreezeResult {
  currency: SurfaceCurrency;
  asOf: number;
  /** Dataset and partitions written (relative to the datasets root), and rows new on disk. */
  dataset: string;
  partitions: string[];
  rows: number;
  added: number;
  /** The surface as the desk showed it at asOf. */
  surface: SurfaceState;
}
