/**
 * The book's value history: a point a minute (`intervalMs`) into `portfolio_history` in the state database —
 * the marked value and P&L in USD — read back with returns and drawdown (`valueHistory` in cells/portfolio).
 * A book with no fills is not sampled (so an unused portfolio never starts following the market), nor is one
 * with an unmarked position (its total would be wrong).
 */
import { valueHistory, type ValueHistory } from '../../cells/portfolio';
import type { StateDb } from '../state/db';
import type { PortfolioService } from './service';

export interface ValueRecorder {
  /** Record one point now; false when the book was empty or not fully marked. */
  sample(): Promise<boolean>;
  /** Points in `[since, until]` (ms), at most `limit` of the newest, with returns and drawdown. */
  history(range: { since: number; until: number; limit: number }): Promise<ValueHistory>;
  close(): void;
}

const defaultEvery = (ms: number, fn: () => void) => {
  const timer = setInterval(fn, ms);
  timer.unref?.();
  return () => clearInterval(timer);
};

/** @example const history = startValueRecorder({ state, portfolio }); await history.sample(); */
export function startValueRecorder(o: {
  state: StateDb;
  portfolio: Pick<PortfolioService, 'fills' | 'summary'>;
  every?: (ms: number, fn: () => void) => () => void;
  intervalMs?: number;
}): ValueRecorder {
  const sample = async (): Promise<boolean> => {
    // Opening the fill store also migrates `portfolio_history`.
    if ((await o.portfolio.fills()).list().length === 0) return false;
    const s = await o.portfolio.summary();
    if (s.positions === 0 || s.unmarked.length > 0) return false;
    const pnl = s.realized_pnl_usd + s.unrealized_pnl_usd;
    await o.state.write((tx) =>
      tx.run('INSERT INTO portfolio_history VALUES (?, ?, ?)', [s.as_of, s.value_usd, pnl]),
    );
    return true;
  };
  let busy = false;
  const stop = (o.every ?? defaultEvery)(o.intervalMs ?? 60_000, () => {
    if (busy) return;
    busy = true;
    sample()
      .catch(() => false)
      .finally(() => (busy = false));
  });
  return {
    sample,
    async history({ since, until, limit }) {
      await o.portfolio.fills();
      const rows = await o.state.read(
        `SELECT * FROM (SELECT t, value_usd, pnl_usd FROM portfolio_history WHERE t BETWEEN ? AND ?
           ORDER BY t DESC LIMIT ?) ORDER BY t`,
        [since, until, limit],
      );
      return valueHistory(
        rows.map((r) => ({
          t: Number(r.t),
          valueUsd: Number(r.value_usd),
          pnlUsd: Number(r.pnl_usd),
        })),
      );
    },
    close: stop,
  };
}
