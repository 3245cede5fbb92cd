/**
 * The portfolio service: fills from the store, positions rebuilt when the fills change, marked on demand from
 * the live chain (marking.ts), totals, the scenario grid and VaR (risk.ts), and the `portfolio_update` channel
 * for the `/api/live` hub (update-channel.ts).
 */
import { positionsFromFills, type Position } from '../../cells/portfolio';
import type {
  InstrumentChoicesWire,
  PortfolioRiskWire,
  PortfolioSummaryWire,
  PositionWire,
} from '../contract/portfolio';
import type { LiveLocalChannels } from '../live/hub';
import type { ValidTrade } from './trade-input';
import type { FillStore } from './store';
import type { MarkSource } from './marks';
import type { ReturnsSource } from './history';
import { positionWire } from './wire';
import { instrumentChoices } from './instruments';
import { markBook, summarize } from './marking';
import { bookRisk } from './risk';
import { portfolioChannel } from './update-channel';
import type { ValueRecorder } from './value-recorder';

export { PORTFOLIO_CHANNEL } from './update-channel';

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

  const marking = async () => markBook(await positionsNow(), o.marks, now());
  const channel = portfolioChannel(async () => summarize(await marking()), every);

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
      const m = await marking();
      return {
        as_of: m.now,
        positions: m.rows.map((r) => positionWire(r.position, r.marked, r.mark, m.now)),
      };
    },
    summary: async () => summarize(await marking()),
    risk: async () => bookRisk(await marking(), o.returns),
    instruments: () => instrumentChoices(o.marks, now()),
    channels: channel,
    close: () => channel.close(),
  };
}
