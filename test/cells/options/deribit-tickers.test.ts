/**
 * `cells/options` against real Deribit tickers (test/golden/deribit/README.md): Deribit prices its options with
 * Black-76 on `underlying_price` at σ = mark_iv / 100, so the same inputs must give Deribit's published Greeks.
 * Deribit rounds them to 5 decimals, so each Greek must agree to 3 significant figures or, for values that small,
 * to within Deribit's rounding; rho and theta, where Deribit's convention is not the textbook Black-76 one, match
 * Deribit's rounded figures exactly.
 */
import { describe, expect, it } from 'vitest';
import fixture from '../../golden/deribit/tickers-2021-07-22.json';
import { black76Price, greeks, MS_PER_YEAR, parseInstrumentName } from '../../../cells/options';

const tickers = fixture.tickers.map((t) => {
  const { strike, type, expiryMs } = parseInstrumentName(t.instrument);
  return { ...t, K: strike, type, expiryMs, sigma: t.mark_iv / 100 };
});

/** Agreement to 3 significant figures, or within half of Deribit's last (5th) decimal. */
function agrees(ours: number, deribit: number): boolean {
  return Math.abs(ours - deribit) <= Math.max(0.5e-5, 0.5e-3 * Math.abs(deribit));
}

/**
 * Agreement to Deribit's 5 decimals: within one unit of the last one, as Deribit's inputs (mark_iv,
 * underlying_price) reach us rounded too.
 */
const withinLastDecimal = (ours: number, deribit: number): boolean =>
  Math.abs(ours - deribit) <= 1e-5;

describe("Greeks against Deribit's tickers of 2021-07-22 22:42 UTC", () => {
  it('reads the instruments and their time to expiry as Deribit does (08:00 UTC, ACT/365)', () => {
    for (const t of tickers) {
      // Every T points back to the same recording time, within the minute the tickers were taken.
      const recordedAt = t.expiryMs - t.T * MS_PER_YEAR;
      expect(recordedAt - Date.parse(fixture.recorded)).toBeGreaterThanOrEqual(0);
      expect(recordedAt - Date.parse(fixture.recorded)).toBeLessThan(60_000);
    }
  });

  it.each(tickers)('gives delta, gamma and vega of $instrument', (t) => {
    const g = greeks(t.underlying_price, t.K, t.T, t.sigma, t.type);
    for (const k of ['delta', 'gamma', 'vega'] as const) {
      expect(agrees(g[k], t.greeks[k]), `${k}: ours ${g[k]}, Deribit ${t.greeks[k]}`).toBe(true);
    }
  });

  it.each(tickers)('gives theta per day of $instrument as Deribit reports it', (t) => {
    // From a day out the instantaneous rate per calendar day; in the last day (ETH-23JUL21-2300-C has 9.3 hours
    // left) the whole time value expiry will take, −(V − intrinsic): Deribit −0.00146, the rate −0.0321.
    const { theta } = greeks(t.underlying_price, t.K, t.T, t.sigma, t.type);
    expect(agrees(theta, t.greeks.theta), `ours ${theta}, Deribit ${t.greeks.theta}`).toBe(true);
    if (t.T < 1 / 365) expect(withinLastDecimal(theta, t.greeks.theta)).toBe(true);
  });

  it('keeps the Black-76 rate in the last day by name', () => {
    const t = tickers.find((x) => x.T < 1 / 365)!;
    const { theta } = greeks(t.underlying_price, t.K, t.T, t.sigma, t.type, {
      convention: 'black76',
    });
    expect(theta).toBeCloseTo(-0.0320757, 6);
  });

  it.each(tickers)('gives rho of $instrument as Deribit reports it: the spot held fixed', (t) => {
    // Deribit's rho is Black–Scholes' with the spot fixed (the forward moves with r): ±K·T·N(±d2)/100, USD per 1%.
    // The Black-76 form (forward fixed, only the discount moves) stays available as −T·V/100.
    const F = t.underlying_price;
    const { rho } = greeks(F, t.K, t.T, t.sigma, t.type);
    expect(withinLastDecimal(rho, t.greeks.rho), `ours ${rho}, Deribit ${t.greeks.rho}`).toBe(true);
    const value = black76Price(F, t.K, t.T, t.sigma, t.type);
    const textbook = greeks(F, t.K, t.T, t.sigma, t.type, { convention: 'black76' });
    expect(textbook.rho).toBeCloseTo((-t.T * value) / 100, 12);
  });
});
