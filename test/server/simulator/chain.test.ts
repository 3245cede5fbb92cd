/**
 * One chain snapshot against Black-76 (cells/options), put–call parity in coin, and Deribit's shape
 * (a real Deribit chain, January 2026: ~620 BTC options over ~12 expiries, 1–1.5 vol-point spreads near the money, ≤ 10 on wings).
 */
import { describe, expect, it } from 'vitest';
import { black76Price } from '../../../cells/options';
import { createRng } from '../../../cells/random';
import {
  appendChainSnapshot,
  createChainColumns,
  type ChainColumns,
} from '../../../server/simulator/chain';
import type { VolSnapshot } from '../../../server/simulator/implied';
import { DEFAULT_PARAMS } from '../../../server/simulator/params';
import { MS_PER_YEAR } from '../../../cells/time';

const T = Date.UTC(2025, 0, 6, 8);
const snap: VolSnapshot = {
  regime: 0,
  marketLogVar: DEFAULT_PARAMS.logVarTarget[0] - 0.9,
  levelShift: -0.9,
  idioLogVar: 0,
  premiumLog: 0,
};

function chain(regime: 0 | 1 | 2 = 0): ChainColumns {
  const out = createChainColumns(16);
  appendChainSnapshot(
    out,
    { t: T, coin: 0, indexPrice: 95_000, snap: { ...snap, regime } },
    createRng(4),
  );
  return out;
}

describe('appendChainSnapshot', () => {
  const c = chain();
  const col = c.columns;
  const rows = Array.from({ length: c.length }, (_, i) => i);

  it('has Deribit-like size: ~620 options over ~12 expiries, 24–100 options per expiry', () => {
    expect(c.length).toBeGreaterThan(500);
    expect(c.length).toBeLessThan(800);
    const perExpiry = new Map<number, number>();
    for (const i of rows)
      perExpiry.set(col.expiry_ms[i]!, (perExpiry.get(col.expiry_ms[i]!) ?? 0) + 1);
    expect(perExpiry.size).toBeGreaterThanOrEqual(11);
    expect(perExpiry.size).toBeLessThanOrEqual(14);
    for (const n of perExpiry.values()) {
      expect(n).toBeGreaterThanOrEqual(24);
      expect(n).toBeLessThanOrEqual(100);
    }
  });

  it('prices the mark at Black-76 of mark_iv on the forward, in coin', () => {
    for (const i of rows) {
      const tYears = (col.expiry_ms[i]! - T) / MS_PER_YEAR;
      const type = col.is_call[i] === 1 ? 'call' : 'put';
      const F = col.underlying_price[i]!;
      const expected = black76Price(F, col.strike[i]!, tYears, col.mark_iv[i]! / 100, type) / F;
      expect(col.mark_price[i]).toBeCloseTo(expected, 14);
    }
  });

  it('satisfies put–call parity: C − P = (F − K) / F in coin', () => {
    for (let i = 0; i < c.length; i += 2) {
      expect(col.is_call[i]).toBe(1);
      expect(col.strike[i + 1]).toBe(col.strike[i]);
      const F = col.underlying_price[i]!;
      expect(col.mark_price[i]! - col.mark_price[i + 1]!).toBeCloseTo((F - col.strike[i]!) / F, 10);
      expect(col.delta[i]! - col.delta[i + 1]!).toBeCloseTo(1, 12);
    }
  });

  it('quotes bid_iv < mark_iv < ask_iv, ~1–1.5 points wide near the money and at most 10 on the wings', () => {
    for (const i of rows) {
      expect(col.bid_iv[i]).toBeLessThan(col.mark_iv[i]!);
      expect(col.mark_iv[i]).toBeLessThan(col.ask_iv[i]!);
      expect(col.ask_iv[i]! - col.bid_iv[i]!).toBeLessThanOrEqual(10 + 1e-9);
      expect(col.best_bid_price[i]).toBeLessThan(col.best_ask_price[i]!);
      const nearMoney = Math.abs(Math.log(col.strike[i]! / col.underlying_price[i]!)) < 0.01;
      if (nearMoney) {
        expect(col.ask_iv[i]! - col.bid_iv[i]!).toBeGreaterThan(0.9);
        expect(col.ask_iv[i]! - col.bid_iv[i]!).toBeLessThan(1.6);
      }
    }
  });

  it('expires at 08:00 UTC, with forwards above the index in calm contango', () => {
    for (const i of rows) {
      expect(new Date(col.expiry_ms[i]!).getUTCHours()).toBe(8);
      expect(col.underlying_price[i]).toBeGreaterThan(col.index_price[i]! * 0.995);
    }
  });

  it('widens spreads in a crash', () => {
    const calmWidth = col.ask_iv[0]! - col.bid_iv[0]!;
    const crash = chain(2).columns;
    expect(crash.ask_iv[0]! - crash.bid_iv[0]!).toBeGreaterThan(calmWidth);
  });
});
