/**
 * Marks for a book from the live surface's chain state: an option's own mark (price in coin, IV) on its
 * expiry's forward; a future's mark is the forward of the option expiry it shares (the surface's forward: the
 * last REST underlying_price moved with the index since), else the index; a perpetual's is the index. Every mark
 * carries its source and exchange time, so each figure can say what it used and how old it is. Smiles for
 * scenarios come from the expiry's SVI fit.
 */
import type { Smile } from '../../cells/portfolio';
import type { MarkSourceWire } from '../contract/portfolio';
import type { ChainSnapshot } from '../surface/chain-state';
import type { SurfaceCurrency, SurfaceState } from '../contract';

export interface SourcedMark {
  price: number;
  index: number;
  underlying?: number;
  iv?: number;
  timestamp: number;
  source: MarkSourceWire;
}

/** One currency's market as the portfolio needs it. */
export interface BookMarket {
  currency: SurfaceCurrency;
  index: number | null;
  asOf: number;
  /** The mark of `instrument_name` (with its kind and expiry), or null when there is none. */
  mark(
    name: string,
    kind: 'option' | 'future' | 'perpetual',
    expiryMs: number | null,
  ): SourcedMark | null;
  smiles: ReadonlyMap<number, Smile>;
  /** Options listed now, to refuse trades in an unknown one (empty until the chain is seeded). */
  listed: ReadonlySet<string>;
  /** Expiries with a forward (a future on one is marked at it), ms. */
  expiries: readonly number[];
}

/** Where the portfolio reads markets (the surface service, or a fake in tests). */
export interface MarkSource {
  market(currency: SurfaceCurrency): Promise<BookMarket>;
}

/** The SVI slice as implied vol (a fraction) of log-moneyness. */
const sviSmile =
  (svi: NonNullable<SurfaceState['expiries'][number]['svi']>, T: number): Smile =>
  (k) => {
    const x = k - svi.m;
    const w = svi.a + svi.b * (svi.rho * x + Math.sqrt(x * x + svi.sigma * svi.sigma));
    return Math.sqrt(Math.max(w, 0) / T);
  };

/**
 * @example
 * const market = bookMarket(await surfaces.chain('BTC'), await surfaces.latest('BTC'));
 */
export function bookMarket(chain: ChainSnapshot, surface: SurfaceState): BookMarket {
  const index = chain.index ?? surface.index_price;
  const forwards = new Map(surface.expiries.map((e) => [e.expiry_ms, e.forward] as const));
  const smiles = new Map<number, Smile>();
  for (const e of surface.expiries)
    if (e.svi && e.T > 0) smiles.set(e.expiry_ms, sviSmile(e.svi, e.T));
  const options = new Map(chain.options.map((o) => [o.instrument_name, o] as const));
  return {
    currency: surface.currency,
    index,
    asOf: chain.asOf,
    smiles,
    listed: new Set(options.keys()),
    expiries: [...forwards.keys()].sort((a, b) => a - b),
    mark(name, kind, expiryMs) {
      if (index === null) return null;
      if (kind === 'perpetual')
        return { price: index, index, timestamp: chain.asOf, source: 'index' };
      const forward = expiryMs === null ? undefined : forwards.get(expiryMs);
      if (kind === 'future')
        return forward !== undefined
          ? { price: forward, index, timestamp: chain.asOf, source: 'expiry_forward' }
          : { price: index, index, timestamp: chain.asOf, source: 'index' };
      const row = options.get(name);
      const underlying = forward ?? row?.underlying_price ?? undefined;
      if (!row || row.mark_price === null || row.mark_iv === null || underlying === undefined)
        return null;
      return {
        price: row.mark_price,
        index,
        underlying,
        iv: row.mark_iv,
        timestamp: row.mark_t,
        source: 'option_mark',
      };
    },
  };
}

/** The live surface as a mark source. */
export function surfaceMarkSource(surfaces: {
  chain(c: SurfaceCurrency): Promise<ChainSnapshot>;
  latest(c: SurfaceCurrency): Promise<SurfaceState>;
}): MarkSource {
  return {
    market: async (currency) =>
      bookMarket(await surfaces.chain(currency), await surfaces.latest(currency)),
  };
}
