/**
 * Validating one trade (a JSON body or a CSV row) before it may become a fill: a known BTC/ETH coin-settled
 * instrument not expired at `now`, a direction, a finite positive amount and price in Deribit's units, an
 * optional finite fee, timestamp and client id. Every refusal names the field and the reason.
 */
import { bookInstrument } from '../../cells/portfolio';
import type { TradeInput } from '../contract/portfolio';

export type ValidTrade = Required<Omit<TradeInput, 'client_id'>> & { client_id: string | null };

const MAX_CLIENT_ID = 128;

const positive = (value: unknown, key: string): number => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    throw new RangeError(
      `invalid ${key}: expected a finite number above zero, got ${describe(value)}`,
    );
  return value;
};

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (typeof value === 'number') return String(value);
  return value === undefined ? 'nothing' : typeof value;
}

/**
 * @example
 * validTrade({ instrument_name: 'BTC-PERPETUAL', direction: 'buy', amount: 100, price: 95_000 }, Date.now());
 */
export function validTrade(body: Record<string, unknown>, now: number): ValidTrade {
  const name = body.instrument_name;
  if (typeof name !== 'string' || name === '' || name.length > 64)
    throw new RangeError('invalid instrument_name: expected a Deribit instrument name');
  bookInstrument(name, now);
  const direction = body.direction;
  if (direction !== 'buy' && direction !== 'sell')
    throw new RangeError(`invalid direction: expected "buy" or "sell", got ${describe(direction)}`);
  const amount = positive(body.amount, 'amount');
  const price = positive(body.price, 'price');
  const fee = body.fee ?? 0;
  if (typeof fee !== 'number' || !Number.isFinite(fee))
    throw new RangeError(`invalid fee: expected a finite number (coin), got ${describe(fee)}`);
  const timestamp = body.timestamp ?? now;
  if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || timestamp < 0)
    throw new RangeError(
      `invalid timestamp: expected ms since the epoch, got ${describe(timestamp)}`,
    );
  if (timestamp > now + 60_000) throw new RangeError('invalid timestamp: in the future');
  const clientId = body.client_id ?? null;
  if (
    clientId !== null &&
    (typeof clientId !== 'string' || clientId === '' || clientId.length > MAX_CLIENT_ID)
  )
    throw new RangeError(
      `invalid client_id: expected a string of 1 to ${MAX_CLIENT_ID} characters`,
    );
  return { instrument_name: name, direction, amount, price, fee, timestamp, client_id: clientId };
}
