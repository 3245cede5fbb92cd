import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PortfolioSummaryWire } from '../../../server/contract/portfolio';
import type { WsEvent } from '../../../server/sources/deribit/ws-client';
import { combineLocalChannels } from '../../../server/live/local-channels';
import { createPortfolioService, PORTFOLIO_CHANNEL } from '../../../server/portfolio/service';
import { openFillStore, type FillStore } from '../../../server/portfolio/store';
import { openStateDb, type StateDb } from '../../../server/state/db';
import { validTrade } from '../../../server/portfolio/trade-input';
import { useTempDir } from '../temp-dir';
import { NOW, fakeMarks, fakeReturns } from './fake-market';

const dir = useTempDir('vollab-portfolio-service-');
let db: StateDb;
let store: FillStore;
beforeEach(async () => {
  db = await openStateDb(join(dir(), 'vollab.duckdb'));
  store = await openFillStore(db, () => NOW);
});
afterEach(() => db.close());

/** A scripted `every`: the test fires the ticks; records the period asked for. */
function scriptedTicks() {
  const ticks: { ms: number; fn: () => void; live: boolean }[] = [];
  return {
    ticks,
    every: (ms: number, fn: () => void) => {
      const t = { ms, fn, live: true };
      ticks.push(t);
      return () => void (t.live = false);
    },
  };
}

const until = async (check: () => boolean) => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('the portfolio_update channel', () => {
  it('publishes the summary at most once a tick of 1 s, and only when it changed', async () => {
    const clock = scriptedTicks();
    const portfolio = createPortfolioService({
      store,
      marks: fakeMarks(),
      returns: async () => fakeReturns(),
      now: () => NOW,
      every: clock.every,
    });
    const local = combineLocalChannels(
      { has: (c) => c === 'surface.BTC', subscribe: () => undefined, unsubscribe: () => undefined },
      portfolio.channels,
    );
    expect(local.has(PORTFOLIO_CHANNEL)).toBe(true);
    const events: WsEvent[] = [];
    local.subscribe(PORTFOLIO_CHANNEL, (e) => events.push(e));
    expect(clock.ticks.map((t) => t.ms)).toEqual([1000]);
    await until(() => events.length === 1); // the first summary, on subscribing: an empty book

    clock.ticks[0]!.fn(); // nothing changed: nothing sent
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toHaveLength(1);

    await store.add(
      validTrade(
        { instrument_name: 'BTC-PERPETUAL', direction: 'buy', amount: 10_000, price: 95_000 },
        NOW,
      ),
    );
    clock.ticks[0]!.fn();
    await until(() => events.length === 2);
    const data = (events[1] as { data: PortfolioSummaryWire }).data;
    expect(data.positions).toBe(1);
    expect(data.unrealized_pnl_usd).toBeCloseTo(10_000 * (1 / 95_000 - 1 / 100_000) * 100_000, 6);

    local.unsubscribe(PORTFOLIO_CHANNEL);
    expect(clock.ticks[0]!.live).toBe(false);
    portfolio.close();
  });
});
