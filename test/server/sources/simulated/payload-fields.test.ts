/**
 * The simulated exchange's payloads carry every field Deribit's real ones have (test/golden/deribit/
 * payload-keys.json, with its provenance), compared key by key down nested objects, with the exchange rules
 * (fees, price band, settlement price) at Deribit's values.
 */
import { describe, expect, it } from 'vitest';
import realKeys from '../../../golden/deribit/payload-keys.json';
import { simulateHistory } from '../../../../server/simulator/history';
import { createSimulatedMarket } from '../../../../server/sources/simulated/market';
import { callMethod } from '../../../../server/sources/simulated/methods';
import { lastSettlement } from '../../../../server/sources/simulated/payload-extras';
import { createSimulatorFeed } from '../../../../server/sources/simulated/simulator-feed';

const END = Date.UTC(2026, 0, 1);
const history = simulateHistory((END - 3 * 86_400_000) / 1000, END / 1000, 7);
const market = createSimulatedMarket(
  createSimulatorFeed({ state: history.finalState, seed: 7, history }),
  { seed: 11 },
);

/**
 * Instrument fields the simulator deliberately leaves out: it has no numeric instrument ids, and no margin or
 * block-trade size rules to report.
 */
const NOT_SIMULATED = new Set([
  'instrument_id',
  'max_leverage',
  'max_liquidation_commission',
  'block_trade_tick_size',
  'block_trade_min_trade_amount',
]);

/** Every key path of `real` missing from `ours` ('stats.volume_notional' for a nested one). */
function missingKeys(real: object, ours: unknown, prefix = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(real)) {
    const path = prefix + k;
    if (NOT_SIMULATED.has(path)) continue;
    const mine =
      typeof ours === 'object' && ours !== null ? (ours as Record<string, unknown>)[k] : undefined;
    if (mine === undefined) out.push(path);
    else if (v !== null && typeof v === 'object') out.push(...missingKeys(v, mine, `${path}.`));
  }
  return out;
}

type P = Record<string, unknown>;
const instruments = callMethod(market, 'public/get_instruments', { currency: 'BTC' }) as P[];
const future = instruments.find((i) => i.kind === 'future')!;
// An option that outlives the settlement the last case ticks through.
const option = instruments.find(
  (i) => i.kind === 'option' && (i.expiration_timestamp as number) > END + 3 * 86_400_000,
)!;

describe('the simulated payloads against the key sets of real ones', () => {
  it('compares nested keys and would notice a missing one', () => {
    expect(missingKeys({ a: null, s: { v: null } }, { a: 1, s: {} })).toEqual(['s.v']);
  });

  it('get_instruments carries the fee rates: 0.03% of the underlying for options', () => {
    expect(missingKeys(realKeys['get_instruments/future'], future)).toEqual([]);
    expect(missingKeys(realKeys['get_instruments/future'], option)).toEqual([]);
    expect(option).toMatchObject({
      taker_commission: 0.0003,
      maker_commission: 0.0003,
      block_trade_commission: 0.0003,
    });
    expect(future).toMatchObject({ taker_commission: 0.0005, maker_commission: 0 });
  });

  it('ticker and get_order_book carry settlement and band prices, interest value and notional volume', () => {
    const perpetual = { instrument_name: 'BTC-PERPETUAL' };
    expect(
      missingKeys(realKeys['ticker/perpetual'], callMethod(market, 'ticker', perpetual)),
    ).toEqual([]);
    expect(
      missingKeys(
        realKeys['get_order_book/perpetual'],
        callMethod(market, 'get_order_book', perpetual),
      ),
    ).toEqual([]);
    const t = callMethod(market, 'ticker', { instrument_name: option.instrument_name }) as P;
    expect(missingKeys(realKeys['ticker/option'], t)).toEqual([]);
    const mark = t.mark_price as number;
    expect(t.min_price as number).toBeLessThanOrEqual(mark);
    expect(t.max_price as number).toBeGreaterThan(mark);
    expect(t.min_price as number).toBeGreaterThanOrEqual(0.0001);
  });

  it('keeps the settlement price through a settlement period and renews it at 08:00 UTC', () => {
    const name = option.instrument_name as string;
    const first = (callMethod(market, 'ticker', { instrument_name: name }) as P).settlement_price;
    const next = lastSettlement(market.time()) + 86_400_000;
    // Tick to just before the next settlement: the price stands while the mark moves.
    for (let t = market.time() + 60_000; t < next; t += 600_000) market.tick(t);
    expect((callMethod(market, 'ticker', { instrument_name: name }) as P).settlement_price).toBe(
      first,
    );
    market.tick(next + 1);
    const after = callMethod(market, 'ticker', { instrument_name: name }) as P;
    expect(after.settlement_price).toBe(after.mark_price);
    expect(lastSettlement(Date.UTC(2026, 0, 2, 7, 59))).toBe(Date.UTC(2026, 0, 1, 8));
    expect(lastSettlement(Date.UTC(2026, 0, 2, 8))).toBe(Date.UTC(2026, 0, 2, 8));
  });
});
