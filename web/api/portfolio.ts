/** The workbench's client of `/api/portfolio`: fills in, the marked book, its risk and history out. */
import type {
  FillWire,
  InstrumentChoicesWire,
  PortfolioHistoryWire,
  PortfolioRiskWire,
  PortfolioSummaryWire,
  PositionsWire,
  TradeInput,
  TradeResult,
} from '../../server/contract';
import { fetchJson, jsonBody } from './http';

const base = '/api/portfolio';

export const loadPositions = (): Promise<PositionsWire> => fetchJson(`${base}/positions`);
export const loadSummary = (): Promise<PortfolioSummaryWire> => fetchJson(`${base}/summary`);
export const loadRisk = (): Promise<PortfolioRiskWire> => fetchJson(`${base}/risk`);
export const loadTrades = (): Promise<{ fills: FillWire[] }> => fetchJson(`${base}/trades`);
export const loadHistory = (): Promise<PortfolioHistoryWire> => fetchJson(`${base}/history`);
export const loadInstruments = (): Promise<InstrumentChoicesWire> =>
  fetchJson(`${base}/instruments`);

/** Remove the first-start demo book for good; how many fills went. */
export const removeDemoBook = (): Promise<{ removed: number }> =>
  fetchJson(`${base}/demo`, { method: 'DELETE' });

/** Post a trade; its `client_id` makes a retried submission idempotent. */
export function addTrade(trade: TradeInput): Promise<TradeResult> {
  return fetchJson(`${base}/trades`, { method: 'POST', ...jsonBody(trade) });
}
