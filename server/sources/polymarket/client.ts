/**
 * Polymarket's public APIs. Gamma (`/markets`, `/events`, `/markets/slug/{slug}`) lists markets whose
 * `outcomes`, `outcomePrices` and `clobTokenIds` arrive as JSON-encoded strings (decoded here). The CLOB serves
 * `/book` (bids ascending, asks descending: the best quote is the last element), `/midpoint` (`mid_price`,
 * older `mid`) and `/prices-history` (`{history: [{t, p}]}`, t in seconds).
 */
import { asObject, bool, num, str, type Json } from '../deribit/fields';

export interface GammaMarket {
  id: string;
  slug: string;
  question: string;
  endDate: string | null;
  active: boolean;
  closed: boolean;
  outcomes: string[];
  outcomePrices: number[];
  clobTokenIds: string[];
  volume: number | null;
  liquidity: number | null;
}

export interface GammaEvent {
  id: string;
  slug: string;
  title: string;
  markets: GammaMarket[];
}

export interface ClobBook {
  market: string | null;
  asset_id: string;
  timestamp: number | null;
  /** Ascending by price: the best bid is the last. */
  bids: [number, number][];
  /** Descending by price: the best ask is the last. */
  asks: [number, number][];
}

export type ListParams = Partial<{
  limit: number;
  offset: number;
  order: string;
  ascending: boolean;
  active: boolean;
  closed: boolean;
  slug: string;
  tag_id: number;
}>;

/** A JSON array, or a string holding one (Gamma's encoding); anything else is empty. */
export function decodeList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string' || value === '') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

export function parseGammaMarket(raw: unknown): GammaMarket {
  const o = asObject(raw, 'market');
  return {
    id: str(o, 'id') ?? '',
    slug: str(o, 'slug') ?? '',
    question: str(o, 'question') ?? '',
    endDate: str(o, 'endDate'),
    active: bool(o, 'active') ?? false,
    closed: bool(o, 'closed') ?? false,
    outcomes: decodeList(o.outcomes).map(String),
    outcomePrices: decodeList(o.outcomePrices).map(Number),
    clobTokenIds: decodeList(o.clobTokenIds).map(String),
    volume: num(o, 'volume'),
    liquidity: num(o, 'liquidity'),
  };
}

function levels(value: unknown): [number, number][] {
  return (Array.isArray(value) ? value : []).map((l) => {
    const o = (typeof l === 'object' && l !== null ? l : {}) as Json;
    return [num(o, 'price') ?? NaN, num(o, 'size') ?? NaN] as [number, number];
  });
}

export interface PolymarketClient {
  markets(p?: ListParams): Promise<GammaMarket[]>;
  events(p?: ListParams): Promise<GammaEvent[]>;
  marketBySlug(slug: string): Promise<GammaMarket>;
  book(tokenId: string): Promise<ClobBook>;
  midpoint(tokenId: string): Promise<number>;
  pricesHistory(p: {
    market: string;
    interval?: string;
    fidelity?: number;
    startTs?: number;
    endTs?: number;
  }): Promise<{ t: number; p: number }[]>;
}

export class PolymarketError extends Error {
  override readonly name = 'PolymarketError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * @example
 * const pm = createPolymarketClient({gammaUrl: 'https://gamma-api.polymarket.com', clobUrl: 'https://clob.polymarket.com'});
 * const [m] = await pm.markets({active: true, limit: 1});
 */
export function createPolymarketClient(o: {
  gammaUrl: string;
  clobUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): PolymarketClient {
  const doFetch = o.fetch ?? fetch;
  const get = async (
    base: string,
    path: string,
    params: Record<string, unknown> = {},
  ): Promise<unknown> => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
    const url = `${base.replace(/\/+$/, '')}${path}${q.size > 0 ? `?${q}` : ''}`;
    const response = await doFetch(url, { signal: AbortSignal.timeout(o.timeoutMs ?? 10_000) });
    if (!response.ok)
      throw new PolymarketError(`HTTP ${response.status}: ${path}`, response.status);
    return response.json();
  };
  const token = (id: string) => {
    if (!/^\d+$/.test(id)) throw new RangeError(`invalid token_id: ${id}`);
    return id;
  };
  return {
    markets: async (p = {}) =>
      decodeList(await get(o.gammaUrl, '/markets', p)).map(parseGammaMarket),
    events: async (p = {}) =>
      decodeList(await get(o.gammaUrl, '/events', p)).map((raw) => {
        const e = asObject(raw, 'event');
        return {
          id: str(e, 'id') ?? '',
          slug: str(e, 'slug') ?? '',
          title: str(e, 'title') ?? '',
          markets: decodeList(e.markets).map(parseGammaMarket),
        };
      }),
    marketBySlug: async (slug) =>
      parseGammaMarket(await get(o.gammaUrl, `/markets/slug/${encodeURIComponent(slug)}`)),
    async book(tokenId) {
      const b = asObject(await get(o.clobUrl, '/book', { token_id: token(tokenId) }), 'book');
      return {
        market: str(b, 'market'),
        asset_id: str(b, 'asset_id') ?? tokenId,
        timestamp: num(b, 'timestamp'),
        bids: levels(b.bids),
        asks: levels(b.asks),
      };
    },
    async midpoint(tokenId) {
      const m = asObject(
        await get(o.clobUrl, '/midpoint', { token_id: token(tokenId) }),
        'midpoint',
      );
      return num(m, 'mid_price') ?? num(m, 'mid') ?? NaN;
    },
    async pricesHistory(p) {
      const h = asObject(
        await get(o.clobUrl, '/prices-history', { ...p, market: token(p.market) }),
        'prices history',
      );
      return decodeList(h.history).map((x) => {
        const r = asObject(x, 'point');
        return { t: num(r, 't') ?? NaN, p: num(r, 'p') ?? NaN };
      });
    },
  };
}
