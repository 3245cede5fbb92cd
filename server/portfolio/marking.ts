/**
 * Marking the book: each position against its currency's live market (each market read once per marking), and
 * the summary of a marking: totals per currency, the marks' oldest age, and the open positions left unmarked
 * (named, never silently valued at zero).
 */
import {
  BOOK_CURRENCIES,
  bookTotals,
  markPosition,
  type MarkedPosition,
  type Position,
} from '../../cells/portfolio';
import type { PortfolioSummaryWire } from '../contract/portfolio';
import type { BookMarket, MarkSource, SourcedMark } from './marks';
import { summaryWire } from './wire';

export interface Marking {
  now: number;
  rows: { position: Position; marked: MarkedPosition | null; mark: SourcedMark | null }[];
  markets: Map<string, BookMarket>;
}

/** @example const m = await markBook(positions, marks, Date.now()); */
export async function markBook(
  positions: readonly Position[],
  marks: MarkSource,
  now: number,
): Promise<Marking> {
  const wanted = BOOK_CURRENCIES.filter((c) => positions.some((p) => p.instrument.currency === c));
  const markets = new Map<string, BookMarket>();
  await Promise.all(
    wanted.map(async (c) => {
      const m = await marks.market(c).catch(() => null);
      if (m) markets.set(c, m);
    }),
  );
  const rows = positions.map((position) => {
    const i = position.instrument;
    const mark =
      markets
        .get(i.currency)
        ?.mark(position.instrument_name, i.kind, i.kind === 'perpetual' ? null : i.expiryMs) ??
      null;
    const marked = mark ? markPosition(position, mark, now) : null;
    return { position, marked, mark };
  });
  return { now, rows, markets };
}

/** Open positions without a mark, by name. */
export const unmarkedOf = (m: Marking): string[] =>
  m.rows.filter((r) => !r.marked && r.position.amount !== 0).map((r) => r.position.instrument_name);

/** @example const summary = summarize(await markBook(positions, marks, now)); */
export function summarize(m: Marking): PortfolioSummaryWire {
  const marked = m.rows.flatMap((r) => (r.marked ? [r.marked] : []));
  const ages = m.rows.flatMap((r) =>
    r.mark && r.position.amount !== 0 ? [m.now - r.mark.timestamp] : [],
  );
  const indices = Object.fromEntries([...m.markets].map(([c, mk]) => [c, mk.index]));
  return summaryWire(bookTotals(marked), indices, {
    as_of: m.now,
    positions: m.rows.filter((r) => r.position.amount !== 0).length,
    unmarked: unmarkedOf(m),
    oldest_mark_age_ms: ages.length > 0 ? Math.max(0, ...ages) : null,
  });
}
