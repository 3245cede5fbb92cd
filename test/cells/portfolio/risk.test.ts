import { describe, expect, it } from 'vitest';
import { black76Price } from '../../../cells/options';
import {
  deltaGammaVar,
  historicalVar,
  markPosition,
  positionsFromFills,
  riskBook,
  scenarioGrid,
  type Fill,
  type Mark,
  type Smile,
} from '../../../cells/portfolio';
import { createRng } from '../../../cells/random';

const NOW = Date.UTC(2026, 1, 25, 8);
const MAR = Date.UTC(2026, 2, 27, 8); // 30 days
const JUN = Date.UTC(2026, 5, 26, 8); // 121 days
const S = 100_000;
const FWD: Record<number, number> = { [MAR]: 100_400, [JUN]: 101_600 };
// A skewed smile per expiry (fractions), and each option's mark IV a little off it, as marks are.
const smileOf =
  (T: number): Smile =>
  (k) =>
    0.5 - 0.1 * k + 0.3 * k * k + 0.02 * T;
const OPTIONS = [
  { name: 'BTC-27MAR26-90000-P', expiry: MAR, K: 90_000, type: 'put', amount: -5, off: 0.004 },
  { name: 'BTC-27MAR26-100000-C', expiry: MAR, K: 100_000, type: 'call', amount: 3, off: -0.002 },
  { name: 'BTC-27MAR26-120000-C', expiry: MAR, K: 120_000, type: 'call', amount: -2, off: 0 },
  { name: 'BTC-26JUN26-80000-P', expiry: JUN, K: 80_000, type: 'put', amount: 4, off: 0.01 },
  { name: 'BTC-26JUN26-130000-C', expiry: JUN, K: 130_000, type: 'call', amount: 1.5, off: -0.005 },
] as const;
const years = (ms: number) => (ms - NOW) / (365 * 86_400_000);
const ivOf = (o: (typeof OPTIONS)[number]) =>
  smileOf(years(o.expiry))(Math.log(o.K / FWD[o.expiry]!)) + o.off;

function book() {
  const fills: Fill[] = OPTIONS.map((o) => ({
    instrument_name: o.name,
    direction: o.amount > 0 ? 'buy' : 'sell',
    amount: Math.abs(o.amount),
    price: 0.03,
    timestamp: 0,
  }));
  fills.push({
    instrument_name: 'BTC-26JUN26',
    direction: 'buy',
    amount: 50_000,
    price: 98_000,
    timestamp: 0,
  });
  const marks: Record<string, Mark> = {
    'BTC-26JUN26': { price: FWD[JUN]!, index: S, timestamp: NOW },
  };
  for (const o of OPTIONS) {
    const F = FWD[o.expiry]!;
    const price = black76Price(F, o.K, years(o.expiry), ivOf(o), o.type) / F;
    marks[o.name] = { price, index: S, underlying: F, iv: ivOf(o) * 100, timestamp: NOW };
  }
  const marked = positionsFromFills(fills).map((p) =>
    markPosition(p, marks[p.instrument_name]!, NOW),
  );
  const smiles = new Map([MAR, JUN].map((e) => [e, smileOf(years(e))] as const));
  return riskBook(marked, 'BTC', NOW, smiles);
}

/** The book's USD value, repriced directly with the precise pricer: the reference for grid and VaR. */
function directValueUsd(spot: number, volShift: number, days: number): number {
  let usd = 0;
  const g = 1 + spot;
  for (const o of OPTIONS) {
    const F = FWD[o.expiry]!;
    const T = years(o.expiry);
    const smile = smileOf(T);
    const k = Math.log(o.K / F);
    const iv = Math.max(ivOf(o) + smile(k - Math.log(g)) - smile(k) + volShift, 0);
    const T1 = Math.max(T - days / 365, 0);
    // Coin value of the option, times the moved index.
    usd += ((o.amount * black76Price(F * g, o.K, T1, iv, o.type)) / (F * g)) * S * g;
  }
  usd += 50_000 * (1 / 98_000 - 1 / (FWD[JUN]! * g)) * S * g;
  return usd;
}

describe('the scenario grid', () => {
  it('matches direct Black-76 repricing with sticky moneyness at every node', () => {
    const grid = scenarioGrid(book());
    expect(grid.pnlUsd.length).toBe(21 * 21 * 3);
    const base = directValueUsd(0, 0, 0);
    let i = 0;
    for (const h of grid.horizons)
      for (const v of grid.volShifts)
        for (const s of grid.spotShocks) {
          const want = directValueUsd(s, v, h) - base;
          expect(Math.abs(grid.pnlUsd[i++]! - want), `s ${s} v ${v} h ${h}`).toBeLessThan(1e-6 * S);
        }
  });

  it('is zero at the centre today and the vol axis reaches ±20 points', () => {
    const grid = scenarioGrid(book());
    expect(grid.pnlUsd[10 * 21 + 10]).toBeCloseTo(0, 6);
    expect(grid.volShifts[0]).toBeCloseTo(-0.2, 12);
    expect(grid.spotShocks[20]).toBeCloseTo(0.3, 12);
  });
});

describe('value at risk', () => {
  const rng = createRng(7);
  const returns = Float64Array.from({ length: 1000 }, () => (0.035 * rng.studentT(4)) / Math.SQRT2);

  it('historical VaR and ES match a direct loop over the days', () => {
    const got = historicalVar([book()], [returns], 0.99);
    const base = directValueUsd(0, 0, 0);
    const pnl = [...returns].map((r) => directValueUsd(Math.exp(r) - 1, 0, 1) - base);
    pnl.sort((a, b) => a - b);
    const worst = pnl.slice(0, 10); // 1% of 1,000 days
    expect(got.var).toBeCloseTo(-worst[9]!, 3);
    expect(got.es).toBeCloseTo(-worst.reduce((a, b) => a + b, 0) / 10, 3);
    expect(got.n).toBe(1000);
  });

  it("with each day's IV change, VaR and ES match a direct loop moving spot and vol together", () => {
    // Vol up when spot falls, as in crypto sell-offs: about −1.5 vol points per 1% down, plus noise.
    const volChanges = Float64Array.from(returns, (r) => -1.5 * r + 0.01 * rng.normal());
    const got = historicalVar([book()], [returns], 0.99, [volChanges]);
    const base = directValueUsd(0, 0, 0);
    const pnl = [...returns].map(
      (r, d) => directValueUsd(Math.exp(r) - 1, volChanges[d]!, 1) - base,
    );
    pnl.sort((a, b) => a - b);
    const worst = pnl.slice(0, 10);
    expect(got.var).toBeCloseTo(-worst[9]!, 3);
    expect(got.es).toBeCloseTo(-worst.reduce((a, b) => a + b, 0) / 10, 3);
    // The vol moves change the answer (the book is not vega-neutral), so the check above is not vacuous.
    expect(Math.abs(got.var - historicalVar([book()], [returns], 0.99).var)).toBeGreaterThan(1);
    expect(() => historicalVar([book()], [returns], 0.99, [volChanges.subarray(1)])).toThrow(
      /differ in length/,
    );
  });

  it('delta-gamma lands near full revaluation on normal returns, with Greeks from the book', () => {
    const normal = createRng(11);
    const r = Float64Array.from({ length: 20_000 }, () => 0.02 * normal.normal());
    const full = historicalVar([book()], [r], 0.99);
    const dg = deltaGammaVar([book()], [r], 0.99);
    expect(Math.abs(dg.var / full.var - 1)).toBeLessThan(0.05);
    expect(Math.abs(dg.es / full.es - 1)).toBeLessThan(0.07);
    // Delta per unit log return against a central difference of the direct repricing.
    const h = 1e-4;
    const d =
      (directValueUsd(Math.expm1(h), 0, 0) - directValueUsd(Math.expm1(-h), 0, 0)) / (2 * h);
    expect(dg.delta[0]).toBeCloseTo(d, 0);
    expect(dg.theta).toBeCloseTo(directValueUsd(0, 0, 1) - directValueUsd(0, 0, 0), 6);
  });
});
