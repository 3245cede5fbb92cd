import { describe, expect, it } from 'vitest';
import { applyBookMessage, bookLevels } from '../../../../server/sources/deribit/order-book';
import { parseChartData, parseTicker, parseTrade } from '../../../../server/sources/deribit/parse';

const snapshot = {
  type: 'snapshot',
  instrument_name: 'BTC-PERPETUAL',
  timestamp: 1,
  change_id: 10,
  bids: [
    ['new', 100, 5],
    ['new', 99.5, 3],
  ],
  asks: [['new', 100.5, 2]],
};

describe('order book rebuild', () => {
  it('applies new, change and delete actions in change_id order', () => {
    let r = applyBookMessage(null, snapshot);
    expect(r.ok).toBe(true);
    r = applyBookMessage(r.ok ? r.book : null, {
      type: 'change',
      change_id: 11,
      prev_change_id: 10,
      timestamp: 2,
      bids: [
        ['delete', 100, 0],
        ['change', 99.5, 7],
      ],
      asks: [['new', 101, 4]],
    });
    expect(r.ok && bookLevels(r.book)).toEqual({
      bids: [[99.5, 7]],
      asks: [
        [100.5, 2],
        [101, 4],
      ],
    });
  });

  it('reports a gap when prev_change_id does not match', () => {
    const r = applyBookMessage(null, snapshot);
    const g = applyBookMessage(r.ok ? r.book : null, {
      type: 'change',
      change_id: 13,
      prev_change_id: 12,
      bids: [],
      asks: [],
    });
    expect(g).toEqual({ ok: false, expected: 10, got: 12 });
  });

  it('needs a snapshot before changes', () => {
    expect(applyBookMessage(null, { type: 'change', change_id: 2, prev_change_id: 1 }).ok).toBe(
      false,
    );
  });
});

describe('record parsing', () => {
  it('tolerates nulls, strings for numbers and unknown fields', () => {
    const t = parseTicker({
      instrument_name: 'X',
      timestamp: '5',
      mark_iv: null,
      best_bid_price: '1.5',
      brand_new: { a: 1 },
      greeks: { delta: 0.5 },
    });
    expect(t).toMatchObject({
      instrument_name: 'X',
      timestamp: 5,
      mark_iv: null,
      best_bid_price: 1.5,
      greeks: { delta: 0.5, gamma: null },
    });
    expect(
      parseTrade({ trade_id: 123, price: 1, amount: 2, timestamp: 3, direction: 'sell' }).trade_id,
    ).toBe('123');
  });

  it('reads columnar chart data into Float64Arrays and flags no_data', () => {
    const c = parseChartData({
      status: 'ok',
      ticks: [1, 2],
      open: [1, null],
      high: [2, 3],
      low: [0, 1],
      close: [1, 2],
      volume: [5, 6],
      cost: [7],
    });
    expect([...c.open]).toEqual([1, NaN]);
    expect([...c.cost]).toEqual([7, NaN]);
    expect(parseChartData({ status: 'no_data', ticks: [] }).status).toBe('no_data');
  });
});
