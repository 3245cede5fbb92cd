/**
 * The instruments the add-trade form offers: per currency, the perpetual, a future on every expiry with a
 * forward, and every option the live chain lists, each with its mark now, so the form can complete a name and
 * warn on a price far from the book.
 */
import { BOOK_CURRENCIES, bookInstrument } from '../../cells/portfolio';
import { formatInstrument } from '../../cells/options';
import type { InstrumentChoicesWire, InstrumentChoiceWire } from '../contract/portfolio';
import type { MarkSource } from './marks';

/**
 * @example
 * const { instruments } = await instrumentChoices(marks, Date.now());
 * instruments[0]; // { instrument_name: 'BTC-PERPETUAL', kind: 'perpetual', mark_price: 95000 }
 */
export async function instrumentChoices(
  marks: MarkSource,
  now: number,
): Promise<InstrumentChoicesWire> {
  const instruments: InstrumentChoiceWire[] = [];
  for (const currency of BOOK_CURRENCIES) {
    const market = await marks.market(currency).catch(() => null);
    if (!market) continue;
    const names = [
      `${currency}-PERPETUAL`,
      ...market.expiries
        .filter((e) => e > now)
        .map((expiryMs) =>
          formatInstrument({ kind: 'future', base: currency, quote: null, expiryMs }),
        ),
      ...[...market.listed].sort(),
    ];
    for (const name of names) {
      let i;
      try {
        i = bookInstrument(name, now);
      } catch {
        continue; // expired since the chain was read, or not a coin-settled instrument
      }
      const expiry = i.kind === 'perpetual' ? null : i.expiryMs;
      const mark = market.mark(name, i.kind, expiry);
      instruments.push({ instrument_name: name, kind: i.kind, mark_price: mark?.price ?? null });
    }
  }
  return { as_of: now, instruments };
}
