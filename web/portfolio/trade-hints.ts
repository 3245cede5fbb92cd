/**
 * What the add-trade form can say from the live chain before anything is sent: an option the chain does not
 * list (the sidecar would refuse it), and a price far from the instrument's mark (allowed, but usually a unit
 * slip: options are priced in coin, futures in USD).
 */
import type { InstrumentChoiceWire } from '../../server/contract';

/** A price this far from the mark (as a ratio either way) gets a warning. */
export const FAR_FROM_MARK = 2;

/**
 * The problem with an instrument name given what the chain lists; null when it is fine or the chain is unknown.
 *
 * @example
 * instrumentProblem('BTC-27MAR26-123457-C', choices); // 'instrument: BTC-27MAR26-123457-C is not listed …'
 */
export function instrumentProblem(
  name: string,
  choices: readonly InstrumentChoiceWire[],
): string | null {
  const upper = name.trim().toUpperCase();
  if (choices.length === 0 || upper === '') return null;
  // Only options are checked: the chain lists every option, but a future may be on an expiry it has no options on.
  if (upper.split('-').length !== 4 || choices.some((c) => c.instrument_name === upper))
    return null;
  return `instrument: ${upper} is not listed on the live chain (pick one from the list)`;
}

/**
 * A warning when `price` is more than FAR_FROM_MARK times off the instrument's mark; null otherwise.
 *
 * @example
 * priceWarning('BTC-PERPETUAL', 0.05, [{ instrument_name: 'BTC-PERPETUAL', kind: 'perpetual', mark_price: 95000 }]);
 * // 'price 0.05 is far from the mark 95000 (futures are priced in USD per coin)'
 */
export function priceWarning(
  name: string,
  price: number,
  choices: readonly InstrumentChoiceWire[],
): string | null {
  const choice = choices.find((c) => c.instrument_name === name.trim().toUpperCase());
  if (!choice || choice.mark_price === null || !(price > 0) || !(choice.mark_price > 0))
    return null;
  const ratio = price / choice.mark_price;
  if (ratio <= FAR_FROM_MARK && ratio >= 1 / FAR_FROM_MARK) return null;
  const unit =
    choice.kind === 'option' ? 'options are priced in coin' : 'futures are priced in USD per coin';
  return `price ${price} is far from the mark ${choice.mark_price} (${unit})`;
}
