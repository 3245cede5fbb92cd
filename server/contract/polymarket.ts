/**
 * `GET /api/polymarket/markets?topic=crypto`: Polymarket's crypto price markets beside the options market's
 * risk-neutral probability of the same event. Probabilities are fractions in [0, 1]; times ms since the epoch.
 */

/** The event a question was read as (null: not understood, listed but not matched). */
export type PolymarketEventWire =
  | { kind: 'above' | 'below'; currency: 'BTC' | 'ETH'; strike: number }
  | { kind: 'between'; currency: 'BTC' | 'ETH'; low: number; high: number }
  | { kind: 'reach'; currency: 'BTC' | 'ETH'; strike: number; direction: 'up' | 'down' };

export interface PolymarketComparison {
  id: string;
  slug: string;
  question: string;
  event: PolymarketEventWire | null;
  /** When the market resolves (Gamma's `endDate`, else the question's date at 16:00 UTC); null if unknown. */
  resolves_ms: number | null;
  /** The market's own probability of Yes: mid of the CLOB's best bid and ask (null without both sides). */
  probability: number | null;
  best_bid: number | null;
  best_ask: number | null;
  volume: number | null;
  liquidity: number | null;
  /** The options-implied probability of the same event from the live surface (null when not matched). */
  options_implied: number | null;
  /** probability − options_implied. */
  difference: number | null;
  /** The options expiries the smile was taken from (one, or two interpolated in total variance). */
  expiries_used: string[];
  /** The forward at the market's date. */
  forward: number | null;
  /** Why there is no comparison (null when there is one). */
  why: string | null;
}

export interface PolymarketMarketsResponse {
  topic: 'crypto';
  /** The surfaces' `asOf` per currency (null when that surface was unavailable). */
  surface_as_of: { BTC: number | null; ETH: number | null };
  markets: PolymarketComparison[];
}
