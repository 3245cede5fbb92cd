/**
 * The portfolio as the sidecar runs it: fills in the state database (opened on the first portfolio request, so
 * a sidecar that never shows the portfolio never takes the file's lock), marks from the live surface when there
 * is one, daily returns from the stored hourly bars.
 */
import type { SurfaceService } from '../surface/service';
import { openStateDb, type StateDb } from '../state/db';
import { datasetReturns } from './history';
import type { MarkSource } from './marks';
import { surfaceMarkSource } from './marks';
import { createPortfolioService, type PortfolioService } from './service';
import { openFillStore } from './store';

const NO_MARKS: MarkSource = {
  market: () => Promise.reject(new Error('no live surface configured')),
};

export interface RunningPortfolio {
  service: PortfolioService;
  close(): Promise<void>;
}

/** @example const portfolio = startPortfolio({ stateDb: config.stateDb, datasetsDir: config.datasetsDir, surface }); */
export function startPortfolio(o: {
  stateDb: string;
  datasetsDir: string;
  surface?: SurfaceService;
}): RunningPortfolio {
  let db: Promise<StateDb> | null = null;
  const service = createPortfolioService({
    store: async () => {
      db ??= openStateDb(o.stateDb).catch((error: unknown) => {
        db = null;
        throw error;
      });
      return openFillStore(await db);
    },
    marks: o.surface ? surfaceMarkSource(o.surface) : NO_MARKS,
    returns: datasetReturns(o.datasetsDir),
  });
  return {
    service,
    async close() {
      service.close();
      const open = await db?.catch(() => null);
      await open?.close();
    },
  };
}
