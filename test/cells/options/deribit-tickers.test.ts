/**
 * `cells/options` against real Deribit tickers (test/golden/deribit/README.md): Deribit prices its options with
 * Black-76 on `underlying_price` at σ = mark_iv / 100, so the same inputs must give Deribit's published Greeks.
 * Deribit rounds them to 5 decimals, so each Greek must agree to 3 significant figures or, for values that small,
 * to within Deribit's rounding. Two conventions differ and are asserted as such (see the last two cases).
 */
import { describe, expect, it } from 'vitest';
import fixture from '../../golden/deribit/tickers-2021-07-22.json';
import { normalCdf } from '../../../cells/math/normal';
import { black76Price, greeks, MS_PER_YEAR, parseInstrumentName } from '../../../cells/options';

const tickers = fixture.tickers.map((t) => {
  const { strike, type, expiryMs } = parseInstrumentName(t.instrument);
  return { ...t, K: strike, type, expiryMs, sigma: t.mark_iv / 100 };
});

/** Agreement to 3 significant figures, or within half of Deribit's last (5th) decimal. */
function agrees(ours: number, deribit: number): boolean {
  return Math.abs(ours - deribit) <= Math.max(0.5e-5, 0.5e-3 * Math.abs(deribit));
}

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

  it.each(tickers.filter((t) => t.T >= 1 / 365))('gives theta per day of $instrument', (t) => {
    const { theta } = greeks(t.underlying_price, t.K, t.T, t.sigma, t.type);
    expect(agrees(theta, t.greeks.theta), `ours ${theta}, Deribit ${t.greeks.theta}`).toBe(true);
  });

  it('differs on theta in the last day: Deribit reports the time value left, not the rate', () => {
    // ETH-23JUL21-2300-C has 9.3 hours left. Our theta is the instantaneous rate per calendar day (∂V/∂t / 365,
    // −0.0321 USD/day); a day of that would lose more than the option is worth, and Deribit instead reports the
    // whole time value that expiry will take: −(V − intrinsic) = −0.00146.
    const t = tickers.find((x) => x.T < 1 / 365)!;
    const { theta } = greeks(t.underlying_price, t.K, t.T, t.sigma, t.type);
    const value = black76Price(t.underlying_price, t.K, t.T, t.sigma, t.type);
    const intrinsic = Math.max(t.underlying_price - t.K, 0);
    expect(theta).toBeCloseTo(-0.0320757, 6);
    expect(agrees(-(value - intrinsic), t.greeks.theta)).toBe(true);
  });

  it.each(tickers)(
    'differs on rho of $instrument by convention: forward held fixed, not spot',
    (t) => {
      // Ours is Black-76's: the price is undiscounted (r = 0), so rho is the sensitivity of e^{−rT}·V with the
      // forward held fixed, −T·V/100 per 1%. Deribit's is Black–Scholes' with the spot held fixed (the forward
      // moves with r): ±K·T·N(±d2)/100. Both per 1% of rate, in USD.
      const F = t.underlying_price;
      const sign = t.type === 'call' ? 1 : -1;
      const value = black76Price(F, t.K, t.T, t.sigma, t.type);
      const { rho } = greeks(F, t.K, t.T, t.sigma, t.type);
      expect(rho).toBeCloseTo((-t.T * value) / 100, 12);
      const s = t.sigma * Math.sqrt(t.T);
      const d2 = Math.log(F / t.K) / s - s / 2;
      const spotRho = (sign * t.K * t.T * normalCdf(sign * d2)) / 100;
      expect(agrees(spotRho, t.greeks.rho), `spot rho ${spotRho}, Deribit ${t.greeks.rho}`).toBe(
        true,
      );
    },
  );
});
