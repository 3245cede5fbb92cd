/**
 * A small simulated exchange for tests: 45 days of simulated history ending 2026-01-01 (seed 7), the market
 * continuing from its final state, ticked by hand on a fake clock so every run sees the same trades.
 */
import { simulateHistory } from '../../../server/simulator/history';
import {
  startSimulatedExchange,
  type SimulatedExchange,
} from '../../../server/sources/simulated/exchange';
import { createSimulatedMarket } from '../../../server/sources/simulated/market';
import { simulatedPolymarket } from '../../../server/sources/simulated/polymarket';
import { createSimulatorFeed } from '../../../server/sources/simulated/simulator-feed';

export const HISTORY_END = Date.UTC(2026, 0, 1);
const DAYS = 45;

export interface TestExchange extends SimulatedExchange {
  clock: { t: number };
  /** Advance the fake clock by `ms` in `stepMs` ticks. */
  run(ms: number, stepMs?: number): void;
}

export async function startTestExchange(
  options: { tradeRate?: number; minHeartbeatSeconds?: number; seed?: number } = {},
): Promise<TestExchange> {
  const history = simulateHistory(
    (HISTORY_END - DAYS * 86_400_000) / 1000,
    HISTORY_END / 1000,
    options.seed ?? 7,
  );
  const feed = createSimulatorFeed({ state: history.finalState, seed: 7, history });
  const market = createSimulatedMarket(feed, {
    seed: 11,
    ...(options.tradeRate ? { tradeRate: options.tradeRate } : {}),
  });
  const clock = { t: HISTORY_END };
  const ex = await startSimulatedExchange({
    market,
    now: () => clock.t,
    minHeartbeatSeconds: options.minHeartbeatSeconds ?? 0.01,
    extra: simulatedPolymarket(market),
  });
  return Object.assign(ex, {
    clock,
    run(ms: number, stepMs = 100) {
      for (let t = 0; t < ms; t += stepMs) {
        clock.t += stepMs;
        ex.tick(clock.t);
      }
    },
  });
}

/** Poll `cond` every 5 ms until it holds; throws after `ms`. */
export async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Advance the exchange's fake clock by `n` ticks of 100 ms, letting the sockets deliver between ticks. */
export async function runTicks(ex: TestExchange, n: number, pauseMs = 3): Promise<void> {
  for (let i = 0; i < n; i++) {
    ex.run(100);
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}
