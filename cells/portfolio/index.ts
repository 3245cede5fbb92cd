/**
 * A book of Deribit coin-settled positions (`vol.portfolio`): positions from fills, marking with P&L and Greeks,
 * totals by currency, expiry and strike, the scenario grid and VaR (historical and delta-gamma).
 */
export {
  BOOK_CURRENCIES,
  bookInstrument,
  type BookCurrency,
  type BookInstrument,
} from './instrument';
export {
  applyFill,
  closePnl,
  emptyPosition,
  positionsFromFills,
  type Fill,
  type Position,
} from './position';
export {
  ZERO_GREEKS,
  markPosition,
  type Mark,
  type MarkedPosition,
  type PositionGreeks,
} from './mark';
export { bookTotals, type BookTotals, type CurrencyTotals } from './aggregate';
export { riskBook, type RiskBook, type Smile } from './risk-book';
export { blackFast } from './black-fast';
export { addPnl, revalue, type Revaluation } from './revalue';
export { scenarioGrid, steps, type ScenarioGrid, type ScenarioOptions } from './scenario';
export { historicalPnl, historicalVar, tailRisk, type VarResult } from './historical-var';
export { deltaGammaVar, type DeltaGammaResult } from './delta-gamma';
export { valueHistory, type ValueHistory, type ValuePoint, type ValueStep } from './value-history';
