/**
 * The book's risk from one marking: the scenario grid per currency (full revaluation on the live smiles), and
 * 1-day VaR/ES by historical simulation (spot alone, and spot with the same day's DVOL change when stored) and
 * by delta-gamma over the stored daily returns; when VaR cannot be
 * computed, the reason (no history, unmarked positions, an empty book).
 */
import {
  BOOK_CURRENCIES,
  deltaGammaVar,
  historicalVar,
  riskBook,
  scenarioGrid,
  type RiskBook,
} from '../../cells/portfolio';
import type { PortfolioRiskWire, ScenarioGridWire } from '../contract/portfolio';
import type { ReturnsSource } from './history';
import { unmarkedOf, type Marking } from './marking';

const gridWire = (book: RiskBook): ScenarioGridWire => {
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
};

const pick = (r: { var: number; es: number; confidence: number; n: number }) => ({
  var: r.var,
  es: r.es,
  confidence: r.confidence,
  n: r.n,
});

/** @example const risk = await bookRisk(await markBook(positions, marks, now), datasetReturns(dir)); */
export async function bookRisk(m: Marking, returnsOf: ReturnsSource): Promise<PortfolioRiskWire> {
  const unmarked = unmarkedOf(m);
  const marked = m.rows.flatMap((r) => (r.marked && r.position.amount !== 0 ? [r.marked] : []));
  const currencies = BOOK_CURRENCIES.filter((c) =>
    marked.some((x) => x.position.instrument.currency === c),
  );
  const books = currencies.map((c) => riskBook(marked, c, m.now, m.markets.get(c)?.smiles));
  const history = await returnsOf();
  let var_reason: string | null = null;
  if (!history)
    var_reason = 'no stored daily history of BTC and ETH (ohlcv_hourly) to simulate from';
  else if (unmarked.length > 0) var_reason = `positions without marks: ${unmarked.join(', ')}`;
  else if (books.length === 0) var_reason = 'no open positions';
  const usable = history && var_reason === null;
  const returns = usable ? books.map((b) => history.byCurrency[b.currency]) : [];
  const volChanges = usable ? history.volChanges : undefined;
  return {
    as_of: m.now,
    grids: books.map(gridWire),
    historical: usable ? pick(historicalVar(books, returns)) : null,
    historical_with_iv: volChanges
      ? pick(
          historicalVar(
            books,
            returns,
            0.99,
            books.map((b) => volChanges[b.currency]),
          ),
        )
      : null,
    delta_gamma: usable ? pick(deltaGammaVar(books, returns)) : null,
    history: history ? { from: history.days[0]!, to: history.days.at(-1)! } : null,
    var_reason,
    unmarked,
  };
}
