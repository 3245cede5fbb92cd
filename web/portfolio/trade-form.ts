/**
 * The add-trade form's values checked before they are sent: the same rules the sidecar applies (it has the last
 * word, e.g. on instruments not listed), so most mistakes are named before a round trip.
 */
import type { TradeInput } from '../../server/contract';

export interface TradeFormValues {
  instrument_name: string;
  direction: string;
  amount: string;
  price: string;
  fee: string;
}

const NAME = /^(BTC|ETH)-(PERPETUAL|[1-9]\d?[A-Z]{3}\d{2}(-\d+-[CP])?)$/;

/**
 * A trade to post, or the first problem with the form.
 *
 * @example
 * tradeFromForm({ instrument_name: 'BTC-PERPETUAL', direction: 'buy', amount: '100', price: '95000', fee: '' });
 */
export function tradeFromForm(v: TradeFormValues): { trade: TradeInput } | { error: string } {
  const name = v.instrument_name.trim().toUpperCase();
  if (!NAME.test(name))
    return {
      error: 'instrument: a BTC or ETH option, future or perpetual, e.g. BTC-27MAR26-100000-C',
    };
  if (v.direction !== 'buy' && v.direction !== 'sell') return { error: 'direction: buy or sell' };
  const amount = Number(v.amount);
  const price = Number(v.price);
  if (v.amount.trim() === '' || !Number.isFinite(amount) || amount <= 0)
    return { error: 'amount: a number above zero (options in coins, futures in USD)' };
  if (v.price.trim() === '' || !Number.isFinite(price) || price <= 0)
    return { error: 'price: a number above zero (options in coin, futures in USD)' };
  const fee = v.fee.trim() === '' ? 0 : Number(v.fee);
  if (!Number.isFinite(fee)) return { error: 'fee: a number in coin, or empty' };
  return { trade: { instrument_name: name, direction: v.direction, amount, price, fee } };
}
