/**
 * The portfolio service: fills from the store, positions rebuilt when the fills change, marked on demand from
 * the live chain (each currency's market fetched once per marking), totals, the scenario grid and VaR, and the
 * `portfolio_update` channel for the `/api/live` hub (the summary, at most once a second, only when it changed).
 * A currency whose market cannot be read leaves its positions unmarked and named, never silently valued at zero.
 */
import {
  BOOK_CURRENCIES,
  bookTotals,
  deltaGammaVar,
  historicalVar,
  markPosition,
  positionsFromFills,
  riskBook,
  scenarioGrid,
  type MarkedPosition,
  type Position,
} from '../../cells/portfolio';
import type {
  InstrumentChoicesWire,
  PortfolioRiskWire,
  PortfolioSummaryWire,
  PositionWire,
  ScenarioGridWire,
} from '../contract/portfolio';
import type { LiveLocalChannels } from '../live/hub';
import type { ValidTrade } from './trade-input';
import type { FillStore } from './store';
import type { BookMarket, MarkSource, SourcedMark } from './marks';
import type { ReturnsSource } from './history';
import { positionWire, summaryWire } from './wire';
import { instrumentChoices } from './instruments';
import type { ValueRecorder } from './value-recorder';

export const PORTFOLIO_CHANNEL = 'portfolio_update';

export interface PortfolioServiceOptions {
  /** The fill store, or how to open it on first use (so a sidecar that never sees the portfolio never opens the
   * state database). */
  store: FillStore | (() => Promise<FillStore>);
  marks: MarkSource;
  returns: ReturnsSource;
  now?: () => number;
  every?: (ms: number, fn: () => void) => () => void;
}

export interface PortfolioService {
  /** The service's clock (trades are checked for expiry and stamped against it). */
  now(): number;
  fills(): Promise<FillStore>;
  /** Refuse an option the live chain does not list (when the chain is known). */
  checkListed(trade: ValidTrade): Promise<void>;
  /** What the add-trade form may complete, from the live chain. */
  instruments(): Promise<InstrumentChoicesWire>;
  positions(): Promise<{ as_of: number; positions: PositionWire[] }>;
  summary(): Promise<PortfolioSummaryWire>;
  risk(): Promise<PortfolioRiskWire>;
  readonly channels: LiveLocalChannels;
  /** The recorded value history (`startPortfolio` adds it). */
  readonly history?: ValueRecorder;
  /** The first-start demo book (`startPortfolio` adds it): remove its fills, never to be re-added. */
  readonly demo?: { remove(): Promise<number> };
  close(): void;
}

interface Marking {
  now: number;
  rows: { position: Position; marked: MarkedPosition | null; mark: SourcedMark | null }[];
  markets: Map<string, BookMarket>;
}

const defaultEvery = (ms: number, fn: () => void) => {
  const timer = setInterval(fn, ms);
  return () => clearInterval(timer);
};

/** @example const portfolio = createPortfolioService({ store, marks: surfaceMarkSource(surfaces), returns }); */
export function createPortfolioService(o: PortfolioServiceOptions): PortfolioService {
  const now = o.now ?? Date.now;
  const every = o.every ?? defaultEvery;
  const source = o.store;
  let opening: Promise<FillStore> | null =
    typeof source === 'function' ? null : Promise.resolve(source);
  const fills = () =>
    (opening ??= (source as () => Promise<FillStore>)().catch((error: unknown) => {
      opening = null; // a failed open (e.g. the file locked by another sidecar) is retried on the next request
      throw error;
    }));
  let built: { version: number; positions: Position[] } | null = null;
  const positionsNow = async () => {
    const store = await fills();
    if (built?.version !== store.version)
      built = { version: store.version, positions: positionsFromFills(store.list()) };
    return built.positions;
  };

  const markBook = async (): Promise<Marking> => {
    const t = now();
    const positions = await positionsNow();
    const wanted = BOOK_CURRENCIES.filter((c) =>
      positions.some((p) => p.instrument.currency === c),
    );
    const markets = new Map<string, BookMarket>();
    await Promise.all(
      wanted.map(async (c) => {
        const m = await o.marks.market(c).catch(() => null);
        if (m) markets.set(c, m);
      }),
    );
    const rows = positions.map((position) => {
      const i = position.instrument;
      const market = markets.get(i.currency);
      const mark =
        market?.mark(
          position.instrument_name,
          i.kind,
          i.kind === 'perpetual' ? null : i.expiryMs,
        ) ?? null;
      const marked = mark ? markPosition(position, mark, t) : null;
      return { position, marked, mark };
    });
    return { now: t, rows, markets };
  };

  const unmarkedOf = (m: Marking) =>
    m.rows
      .filter((r) => !r.marked && r.position.amount !== 0)
      .map((r) => r.position.instrument_name);

  const summarize = (m: Marking): PortfolioSummaryWire => {
    const marked = m.rows.flatMap((r) => (r.marked ? [r.marked] : []));
    const ages = m.rows.flatMap((r) =>
      r.mark && r.position.amount !== 0 ? [m.now - r.mark.timestamp] : [],
    );
    const indices = Object.fromEntries([...m.markets].map(([c, mk]) => [c, mk.index]));
    return summaryWire(bookTotals(marked), indices, {
      as_of: m.now,
      positions: m.rows.filter((r) => r.position.amount !== 0).length,
      unmarked: unmarkedOf(m),
      oldest_mark_age_ms: ages.length > 0 ? Math.max(0, ...ages) : null,
    });
  };

  const risk = async (): Promise<PortfolioRiskWire> => {
    const m = await markBook();
    const unmarked = unmarkedOf(m);
    const marked = m.rows.flatMap((r) => (r.marked && r.position.amount !== 0 ? [r.marked] : []));
    const currencies = BOOK_CURRENCIES.filter((c) =>
      marked.some((x) => x.position.instrument.currency === c),
    );
    const books = currencies.map((c) => riskBook(marked, c, m.now, m.markets.get(c)?.smiles));
    const grids: ScenarioGridWire[] = books.map((book) => {
      const g = scenarioGrid(book);
      const ns = g.spotShocks.length;
      const nv = g.volShifts.length;
      return {
        currency: book.currency,
        spot_shocks: g.spotShocks,
        vol_shifts: g.volShifts.map((v) => Math.round(v * 1e6) / 1e4),
        horizons: g.horizons,
        pnl_usd: g.horizons.map((_, h) =>
          g.volShifts.map((_, v) =>
            Array.from(g.pnlUsd.subarray((h * nv + v) * ns, (h * nv + v + 1) * ns)),
          ),
        ),
      };
    });
    const history = await o.returns();
    let var_reason: string | null = null;
    if (!history)
      var_reason = 'no stored daily history of BTC and ETH (ohlcv_hourly) to simulate from';
    else if (unmarked.length > 0) var_reason = `positions without marks: ${unmarked.join(', ')}`;
    else if (books.length === 0) var_reason = 'no open positions';
    const usable = history && var_reason === null;
    const returns = usable ? books.map((b) => history.byCurrency[b.currency]) : [];
    const pick = (r: { var: number; es: number; confidence: number; n: number }) => ({
      var: r.var,
      es: r.es,
      confidence: r.confidence,
      n: r.n,
    });
    return {
      as_of: m.now,
      grids,
      historical: usable ? pick(historicalVar(books, returns)) : null,
      delta_gamma: usable ? pick(deltaGammaVar(books, returns)) : null,
      history: history ? { from: history.days[0]!, to: history.days.at(-1)! } : null,
      var_reason,
      unmarked,
    };
  };

  const stops = new Map<string, () => void>();
  return {
    now,
    fills,
    async checkListed(trade) {
      const name = trade.instrument_name;
      const currency = name.split('-')[0] as 'BTC' | 'ETH';
      if (name.split('-').length !== 4) return;
      const market = await o.marks.market(currency).catch(() => null);
      if (market && market.listed.size > 0 && !market.listed.has(name))
        throw new RangeError(`unknown instrument: ${name} is not listed`);
    },
    async positions() {
      const m = await markBook();
      return {
        as_of: m.now,
        positions: m.rows.map((r) => positionWire(r.position, r.marked, r.mark, m.now)),
      };
    },
    summary: async () => summarize(await markBook()),
    risk,
    instruments: () => instrumentChoices(o.marks, now()),
    channels: {
      has: (channel) => channel === PORTFOLIO_CHANNEL,
      subscribe(channel, emit) {
        stops.get(channel)?.();
        let last = '';
        let busy = false;
        const cycle = () => {
          if (busy) return;
          busy = true;
          markBook()
            .then((m) => {
              const data = summarize(m);
              // Compare without the clock and ages, so an unchanged book is not re-sent every second.
              const key = JSON.stringify({ ...data, as_of: 0, oldest_mark_age_ms: 0 });
              if (key === last) return;
              last = key;
              emit({ type: 'data', channel, data });
            })
            .catch(() => undefined)
            .finally(() => (busy = false));
        };
        cycle();
        stops.set(channel, every(1000, cycle));
      },
      unsubscribe(channel) {
        stops.get(channel)?.();
        stops.delete(channel);
      },
    },
    close() {
      for (const stop of stops.values()) stop();
      stops.clear();
    },
  };
}
