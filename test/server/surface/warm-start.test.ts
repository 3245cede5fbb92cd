import { describe, expect, it } from 'vitest';
import { createRng } from '../../../cells/random';
import { sviImpliedVol } from '../../../cells/surface/svi';
import { createChainState } from '../../../server/surface/chain-state';
import { computeSurface } from '../../../server/surface/compute';
import { createFeedMonitor } from '../../../server/surface/feed-monitor';
import { syntheticChain } from './chain-fixture';

const status = { stale: false, feed: createFeedMonitor(5000).status(0) };

/** The full synthetic chain, then the same chain a second later with every mark IV moved (seeded). */
function twoCycles() {
  const c = syntheticChain();
  const chain = createChainState('BTC');
  chain.seed(c.instruments, c.summaries, c.index);
  chain.applyMarkprice(c.marks);
  const first = chain.snapshot();
  const rng = createRng(9);
  chain.applyMarkprice(
    c.marks.map((m) => ({ ...m, iv: m.iv + 0.002 * rng.normal(), timestamp: m.timestamp + 1000 })),
  );
  return { first, second: chain.snapshot() };
}

describe('computeSurface warm-started from the previous surface', () => {
  it('gives the cold surface to the fits’ tolerance, and everything not fitted exactly', () => {
    const { first, second } = twoCycles();
    const previous = computeSurface(first, status);
    const cold = computeSurface(second, status);
    const warm = computeSurface(second, status, previous);

    expect(warm.expiries.map((e) => e.expiry)).toEqual(cold.expiries.map((e) => e.expiry));
    expect(cold.expiries.filter((e) => e.svi !== null).length).toBe(12);
    warm.expiries.forEach((w, i) => {
      const c = cold.expiries[i]!;
      // Not fitted: identical.
      expect(w.counts).toEqual(c.counts);
      expect(w.gex).toEqual(c.gex);
      expect(w.max_pain).toBe(c.max_pain);
      expect(w.points.map((p) => p.mark_iv)).toEqual(c.points.map((p) => p.mark_iv));
      // Fitted: the same optimum (RMSE in vol points, the smile across the strikes, in fractions).
      expect(Math.abs(w.fit!.rmse_iv - c.fit!.rmse_iv)).toBeLessThan(1e-6);
      for (const p of c.points) {
        const k = p.k;
        expect(
          Math.abs(sviImpliedVol(w.svi!, k, w.T) - sviImpliedVol(c.svi!, k, c.T)),
        ).toBeLessThan(1e-5);
      }
      expect(w.metrics!.atm_iv).toBeCloseTo(c.metrics!.atm_iv, 3);
      expect(w.metrics!.rr25).toBeCloseTo(c.metrics!.rr25, 3);
    });
    expect(warm.ssvi!.rmse_iv).toBeCloseTo(cold.ssvi!.rmse_iv, 6);
    expect(warm.ssvi!.rho).toBeCloseTo(cold.ssvi!.rho, 4);
    expect(warm.ssvi!.eta).toBeCloseTo(cold.ssvi!.eta, 4);
    expect(warm.ssvi!.gamma).toBeCloseTo(cold.ssvi!.gamma, 4);
    // The warm fits did start elsewhere: their optima agree with the cold ones only to the search tolerance.
    expect(warm.expiries.some((w, i) => w.svi!.m !== cold.expiries[i]!.svi!.m)).toBe(true);
    expect(warm.ssvi!.rho).not.toBe(cold.ssvi!.rho);
    expect(warm.gex_total).toEqual(cold.gex_total);
    expect(warm.arbitrage.ok).toBe(cold.arbitrage.ok);
  });

  it('is the cold surface when there is no previous one', () => {
    const { second } = twoCycles();
    expect(computeSurface(second, status, null)).toEqual(computeSurface(second, status));
  });
});
