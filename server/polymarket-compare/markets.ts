/**
 * The rows of `GET /api/polymarket/markets?topic=crypto`: open Gamma markets whose question names BTC or ETH,
 * each with its CLOB best bid/ask (Yes token) and its comparison with the live options surface.
 */
import type { PolymarketMarketsResponse } from '../contract/polymarket';
import type { SurfaceCurrency, SurfaceState } from '../contract/surface';
import type { GammaMarket, PolymarketClient } from '../sources/polymarket/client';
import { compareMarket } from './compare';
import { parseQuestion } from './parse-question';

const CRYPTO = /\b(?:BTC|Bitcoin|ETH|Ethereum|Ether)\b/i;
/** Books fetched at once: the CLOB is rate-limited per IP. */
const BOOK_CONCURRENCY = 6;

export interface SurfaceSource {
  latest(currency: SurfaceCurrency): Promise<SurfaceState>;
}

/**
 * @example
 * await cryptoMarkets(createPolymarketClient({ gammaUrl, clobUrl }), surfaceService);
 */
export async function cryptoMarkets(
  client: PolymarketClient,
  surfaces: SurfaceSource | null,
  now = Date.now(),
): Promise<PolymarketMarketsResponse> {
  const markets = (await client.markets({ active: true, closed: false, limit: 500 })).filter((m) =>
    CRYPTO.test(m.question),
  );
  const year = new Date(now).getUTCFullYear();
  const parsed = markets.map((m) => parseQuestion(m.question, year));
  const currencies = new Set(parsed.flatMap((p) => (p ? [p.currency] : [])));
  const surface: Record<SurfaceCurrency, SurfaceState | null> = { BTC: null, ETH: null };
  await Promise.all(
    [...currencies].map(async (c) => {
      surface[c] = surfaces ? await surfaces.latest(c).catch(() => null) : null;
    }),
  );
  const quotes = await mapLimited(markets, BOOK_CONCURRENCY, (m) => bestQuotes(client, m));
  return {
    topic: 'crypto',
    surface_as_of: { BTC: surface.BTC?.asOf ?? null, ETH: surface.ETH?.asOf ?? null },
    markets: markets.map((m, i) => {
      const p = parsed[i] ?? null;
      return compareMarket(
        {
          id: m.id,
          slug: m.slug,
          question: m.question,
          endDate: m.endDate,
          ...quotes[i]!,
          volume: m.volume,
          liquidity: m.liquidity,
        },
        p,
        p ? surface[p.currency] : null,
      );
    }),
  };
}

/** The Yes token's best bid and ask (the last level of each side); nulls when its book cannot be read. */
async function bestQuotes(
  client: PolymarketClient,
  m: GammaMarket,
): Promise<{ bestBid: number | null; bestAsk: number | null }> {
  const yes =
    m.clobTokenIds[
      Math.max(
        0,
        m.outcomes.findIndex((o) => /^yes$/i.test(o)),
      )
    ];
  if (!yes) return { bestBid: null, bestAsk: null };
  try {
    const book = await client.book(yes);
    return { bestBid: book.bids.at(-1)?.[0] ?? null, bestAsk: book.asks.at(-1)?.[0] ?? null };
  } catch {
    return { bestBid: null, bestAsk: null };
  }
}

async function mapLimited<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}
