/**
 * One Polymarket market against the options market: the digital probability of its event from the live
 * surface's fitted smiles at the market's date (`cells/surface/digital.ts`), or why there is none.
 */
import { digitalAbove, smileAtMaturity, type SmileSlice } from '../../cells/surface/digital';
import type { PolymarketComparison, PolymarketEventWire } from '../contract/polymarket';
import type { SurfaceState } from '../contract/surface';
import type { ParsedQuestion } from './parse-question';

const YEAR_MS = 365 * 86_400_000;
/** How far outside the listed expiries a market's date may fall and still be read off the nearest smile. */
const NEAR_MS = 2 * 86_400_000;
/** Polymarket's daily price markets resolve at noon New York time: 16:00 or 17:00 UTC; the earlier is used. */
const RESOLVE_HOUR_UTC = 16;

export interface MarketQuote {
  id: string;
  slug: string;
  question: string;
  endDate: string | null;
  bestBid: number | null;
  bestAsk: number | null;
  volume: number | null;
  liquidity: number | null;
}

/**
 * @example
 * compareMarket(quote, parseQuestion(quote.question, 2026), await surfaces.latest('BTC'));
 */
export function compareMarket(
  quote: MarketQuote,
  parsed: ParsedQuestion | null,
  surface: SurfaceState | null,
): PolymarketComparison {
  const probability =
    quote.bestBid !== null && quote.bestAsk !== null ? (quote.bestBid + quote.bestAsk) / 2 : null;
  const resolves = resolvesMs(quote.endDate, parsed?.date ?? null);
  const row: PolymarketComparison = {
    id: quote.id,
    slug: quote.slug,
    question: quote.question,
    event: parsed ? eventOf(parsed) : null,
    resolves_ms: resolves,
    probability,
    best_bid: quote.bestBid,
    best_ask: quote.bestAsk,
    volume: quote.volume,
    liquidity: quote.liquidity,
    options_implied: null,
    difference: null,
    expiries_used: [],
    forward: null,
    why: null,
  };
  const fail = (why: string) => ({ ...row, why });
  if (!parsed) return fail('question not understood as a BTC/ETH price event');
  if (parsed.kind === 'reach')
    return fail(
      'path-dependent: "reach" pays if the price touches the level at any time, which needs a barrier probability, not a digital',
    );
  if (resolves === null) return fail('no resolution date');
  if (!surface) return fail(`the ${parsed.currency} live surface is unavailable`);
  const fitted = surface.expiries.filter((e) => e.svi !== null);
  if (fitted.length === 0) return fail(`no fitted ${parsed.currency} expiry`);
  const target = resolves - surface.asOf;
  if (target <= 0) return fail('the market has already resolved');
  const first = fitted[0]!;
  const last = fitted.at(-1)!;
  if (resolves < first.expiry_ms - NEAR_MS || resolves > last.expiry_ms + NEAR_MS)
    return fail(
      `no options expiry near ${new Date(resolves).toISOString().slice(0, 10)}: fitted expiries run ${first.expiry} to ${last.expiry}`,
    );
  const slices: SmileSlice[] = fitted.map((e) => ({ T: e.T, forward: e.forward, svi: e.svi! }));
  const smile = smileAtMaturity(slices, target / YEAR_MS)!;
  const after = fitted.findIndex((e) => e.expiry_ms >= resolves);
  const used =
    after === -1
      ? [last.expiry]
      : after === 0 || fitted[after]!.expiry_ms === resolves
        ? [fitted[after]!.expiry]
        : [fitted[after - 1]!.expiry, fitted[after]!.expiry];
  const above = (strike: number) => digitalAbove(smile, strike);
  const implied =
    parsed.kind === 'between'
      ? above(parsed.low) - above(parsed.high)
      : parsed.kind === 'above'
        ? above(parsed.strike)
        : 1 - above(parsed.strike);
  if (!Number.isFinite(implied))
    return fail('the fitted smile gives no probability at this strike');
  return {
    ...row,
    options_implied: implied,
    difference: probability === null ? null : probability - implied,
    expiries_used: used,
    forward: smile.forward,
  };
}

function eventOf(p: ParsedQuestion): PolymarketEventWire {
  if (p.kind === 'between') return { kind: p.kind, currency: p.currency, low: p.low, high: p.high };
  if (p.kind === 'reach')
    return { kind: p.kind, currency: p.currency, strike: p.strike, direction: p.direction };
  return { kind: p.kind, currency: p.currency, strike: p.strike };
}

function resolvesMs(endDate: string | null, questionDate: string | null): number | null {
  const end = endDate === null ? NaN : Date.parse(endDate);
  if (Number.isFinite(end)) return end;
  if (questionDate === null) return null;
  return Date.parse(`${questionDate}T${String(RESOLVE_HOUR_UTC).padStart(2, '0')}:00:00Z`);
}
