/**
 * The portfolio as the sidecar runs it: fills in the sidecar's one state database (shared with the alert rules;
 * DuckDB allows one writer per file), marks from the live surface when there is one, daily returns from the
 * stored hourly bars, the book's value recorded a point a minute, and the first-start demo book.
 */
import type { SurfaceService } from '../surface/service';
import type { StateDb } from '../state/db';
import { datasetReturns } from './history';
import type { MarkSource } from './marks';
import { surfaceMarkSource } from './marks';
import { createPortfolioService, type PortfolioService } from './service';
import { openFillStore } from './store';
import { startValueRecorder } from './value-recorder';
import { removeDemoBook, seedDemoBook } from './demo';

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
  const marks = o.surface ? surfaceMarkSource(o.surface) : NO_MARKS;
  const service = createPortfolioService({
    store: () => {
      fills ??= openFillStore(o.state)
        .then(async (store) => {
          // The very first open of an empty book gets the demo book (see demo.ts); its failure never stops the book opening.
          await seedDemoBook({ state: o.state, store, marks, now: Date.now() }).catch(
            () => undefined,
          );
          return store;
        })
        .catch((error: unknown) => {
          fills = null;
          throw error;
        });
      return fills;
    },
    marks,
    returns: datasetReturns(o.datasetsDir),
  });
  const history = startValueRecorder({ state: o.state, portfolio: service });
  return {
    ...service,
    history,
    demo: { remove: async () => removeDemoBook({ state: o.state, store: await service.fills() }) },
    close() {
      history.close();
      service.close();
    },
  };
}
