/**
 * The portfolio as the sidecar runs it: fills in the sidecar's one state database (shared with the alert rules;
 * DuckDB allows one writer per file), marks from the live surface when there is one, daily returns from the
 * stored hourly bars, and the book's value recorded a point a minute.
 */
import type { SurfaceService } from '../surface/service';
import type { StateDb } from '../state/db';
import { datasetReturns } from './history';
import type { MarkSource } from './marks';
import { surfaceMarkSource } from './marks';
import { createPortfolioService, type PortfolioService } from './service';
import { openFillStore } from './store';
import { startValueRecorder } from './value-recorder';

const NO_MARKS: MarkSource = {
  market: () => Promise.reject(new Error('no live surface configured')),
};

/** @example const portfolio = startPortfolio({ state, datasetsDir: config.datasetsDir, surface }); */
export function startPortfolio(o: {
  state: StateDb;
  datasetsDir: string;
  surface?: SurfaceService;
}): PortfolioService {
  // The fills' tables are migrated on the first portfolio request, not at start.
  let fills: ReturnType<typeof openFillStore> | null = null;
  const service = createPortfolioService({
    store: () => {
      fills ??= openFillStore(o.state).catch((error: unknown) => {
        fills = null;
        throw error;
      });
      return fills;
    },
    marks: o.surface ? surfaceMarkSource(o.surface) : NO_MARKS,
    returns: datasetReturns(o.datasetsDir),
  });
  const history = startValueRecorder({ state: o.state, portfolio: service });
  return {
    ...service,
    history,
    close() {
      history.close();
      service.close();
    },
  };
}
