/** The workbench's client of `/api/portfolio`: fills in, the marked book and its risk out. */
import type {
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

/** Post a trade; its `client_id` makes a retried submission idempotent. */
export function addTrade(trade: TradeInput): Promise<TradeResult> {
  return fetchJson(`${base}/trades`, { method: 'POST', ...jsonBody(trade) });
}
