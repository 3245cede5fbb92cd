/**
 * The first-start demo book: when the fills table is empty the first time the portfolio opens, a few BTC and
 * ETH options and a BTC future are bought at their live marks, so the `/portfolio` page has something to show.
 * Demo fills carry the client id `demo:<instrument>` (their label), and `DELETE /api/portfolio/demo` removes
 * them all. Whether the demo was seeded, skipped (the book already had fills) or removed is remembered in
 * `portfolio_flags`, so it is offered once and never re-added.
 */
import { BOOK_CURRENCIES, bookInstrument } from '../../cells/portfolio';
import { formatExpiryCode } from '../../cells/options/instruments';
import type { StateDb } from '../state/db';
import type { BookMarket, MarkSource } from './marks';
import type { FillStore } from './store';
import type { ValidTrade } from './trade-input';
import { withTimeout } from '../util/with-timeout';

export const DEMO_PREFIX = 'demo:';
const DAY_MS = 86_400_000;

/** Amounts: options in coin, the future in USD. */
const SIZES = { BTC: { option: 1, future: 10_000 }, ETH: { option: 10, future: 0 } } as const;

/**
 * The demo trades a market allows: on the listed expiry nearest 30 days, buy the call nearest the money and
 * sell the put nearest 90% of the index; for BTC also buy the future of that expiry. Each at its own mark;
 * an instrument without a mark is left out.
 *
 * @example demoTrades(btcMarket, Date.now()).map((t) => t.instrument_name); // ['BTC-27MAR26-100000-C', …]
 */
export function demoTrades(market: BookMarket, now: number): ValidTrade[] {
  const index = market.index;
  if (index === null || !(index > 0)) return [];
  const options = [...market.listed].flatMap((name) => {
    try {
      const i = bookInstrument(name, now);
      return i.kind === 'option' ? [{ name, ...i }] : [];
    } catch {
      return [];
    }
  });
  if (options.length === 0) return [];
  const target = now + 30 * DAY_MS;
  const expiry = options.reduce((best, o) =>
    Math.abs(o.expiryMs - target) < Math.abs(best.expiryMs - target) ? o : best,
  ).expiryMs;
  const nearest = (right: 'call' | 'put', strike: number) =>
    options
      .filter((o) => o.expiryMs === expiry && o.optionType === right)
      .sort((a, b) => Math.abs(a.strike - strike) - Math.abs(b.strike - strike))[0];
  const size = SIZES[market.currency];
  const picks: [string | undefined, 'option' | 'future', 'buy' | 'sell', number][] = [
    [nearest('call', index)?.name, 'option', 'buy', size.option],
    [nearest('put', 0.9 * index)?.name, 'option', 'sell', size.option],
    [
      size.future > 0 ? `${market.currency}-${formatExpiryCode(expiry)}` : undefined,
      'future',
      'buy',
      size.future,
    ],
  ];
  return picks.flatMap(([name, kind, direction, amount]) => {
    const mark = name ? market.mark(name, kind, expiry) : null;
    if (!name || !mark || !(mark.price > 0)) return [];
    return [
      {
        client_id: `${DEMO_PREFIX}${name}`,
        instrument_name: name,
        direction,
        amount,
        price: mark.price,
        fee: 0,
        timestamp: now,
      },
    ];
  });
}

const readFlag = async (state: StateDb): Promise<string | null> => {
  const [row] = await state.read(`SELECT value FROM portfolio_flags WHERE name = 'demo'`);
  return row ? String(row.value) : null;
};
const setFlag = (state: StateDb, value: 'seeded' | 'skipped' | 'removed') =>
  state.write(async (tx) => {
    await tx.run(`DELETE FROM portfolio_flags WHERE name = 'demo'`);
    await tx.run(`INSERT INTO portfolio_flags VALUES ('demo', ?)`, [value]);
  });

/**
 * Seed the demo book if this is the book's first open with no fills; returns what happened. With no market
 * to price it, nothing is remembered and the next open tries again.
 *
 * @example await seedDemoBook({ state, store, marks, now: Date.now() }); // 'seeded'
 */
export async function seedDemoBook(o: {
  state: StateDb;
  store: FillStore;
  marks: MarkSource;
  now: number;
  /** How long to wait for each currency's market (default 5 s). */
  timeoutMs?: number;
}): Promise<'seeded' | 'skipped' | 'done before' | 'no market'> {
  if ((await readFlag(o.state)) !== null) return 'done before';
  if (o.store.list().length > 0) {
    await setFlag(o.state, 'skipped');
    return 'skipped';
  }
  // Bounded: the first open of the book waits for this, and an unreachable exchange must not hold it up long.
  const markets = await Promise.all(
    BOOK_CURRENCIES.map((c) =>
      withTimeout(o.marks.market(c), o.timeoutMs ?? 5000, 'no market').catch(() => null),
    ),
  );
  const trades = markets.flatMap((m) => (m ? demoTrades(m, o.now) : []));
  if (trades.length === 0) return 'no market';
  await o.store.addMany(trades);
  await setFlag(o.state, 'seeded');
  return 'seeded';
}

/**
 * Remove every demo fill, and remember that the demo is gone. Returns how many fills were removed.
 *
 * @example await removeDemoBook({ state, store }); // 3
 */
export async function removeDemoBook(o: { state: StateDb; store: FillStore }): Promise<number> {
  // The flag first: a crash half-way leaves demo fills a second call removes, never a demo re-seeded.
  await setFlag(o.state, 'removed');
  const demo = o.store.list().filter((f) => f.client_id?.startsWith(DEMO_PREFIX));
  let removed = 0;
  for (const f of demo) if (await o.store.remove(f.id)) removed++;
  return removed;
}
