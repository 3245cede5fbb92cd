/**
 * `GET /api/polymarket/markets?topic=crypto` end to end on loopback: the real Polymarket client on the simulated
 * Gamma/CLOB, the real Deribit clients and surface service on the simulated exchange. The options-implied
 * probabilities are checked against finite differences of Black-76 prices on the served surface's smiles
 * (interpolated in total variance), not against the digital formula the route uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { black76Price } from '../../cells/options/black76';
import { sviTotalVariance } from '../../cells/surface/svi';
import type { PolymarketMarketsResponse, SurfaceState } from '../../server/contract';
import { polymarketMarketsRoutes } from '../../server/routes/polymarket-markets';
import { createDeribitHttpClient } from '../../server/sources/deribit/http-client';
import { createDeribitWsClient } from '../../server/sources/deribit/ws-client';
import { createPolymarketClient } from '../../server/sources/polymarket/client';
import { createSurfaceService, type SurfaceService } from '../../server/surface/service';
import { startTestExchange, type TestExchange } from '../server/sources/exchange-fixture';

const YEAR_MS = 365 * 86_400_000;

/** −∂C/∂K by central differences, the smile at the market's date interpolated linearly in T in total variance. */
function referenceAbove(s: SurfaceState, resolvesMs: number, K: number): number {
  const fitted = s.expiries.filter((e) => e.svi);
  const i = fitted.findIndex((e) => e.expiry_ms >= resolvesMs);
  const [a, b] = [fitted[i - 1]!, fitted[i]!];
  const T = (resolvesMs - s.asOf) / YEAR_MS;
  const u = (T - a.T) / (b.T - a.T);
  const F = a.forward + u * (b.forward - a.forward);
  const call = (strike: number) => {
    const k = Math.log(strike / F);
    const w = (1 - u) * sviTotalVariance(a.svi!, k) + u * sviTotalVariance(b.svi!, k);
    return black76Price(F, strike, T, Math.sqrt(w / T), 'call');
  };
  const h = K * 1e-4;
  return -(call(K + h) - call(K - h)) / (2 * h);
}

describe('/api/polymarket/markets on the simulated exchange', () => {
  let ex: TestExchange;
  let surfaces: SurfaceService;
  let body: PolymarketMarketsResponse;
  let surface: SurfaceState;

  beforeAll(async () => {
    ex = await startTestExchange();
    const ws = createDeribitWsClient({ url: ex.wsUrl, heartbeatSeconds: 0 });
    surfaces = createSurfaceService({
      connect: () => ws,
      rest: createDeribitHttpClient({ baseUrl: ex.url, limiter: null }),
      cadenceMs: 50,
      refreshMs: 60_000,
    });
    surface = await surfaces.latest('BTC');
    const client = createPolymarketClient({
      gammaUrl: `${ex.url}/polymarket/gamma`,
      clobUrl: `${ex.url}/polymarket/clob`,
    });
    const app = polymarketMarketsRoutes(client, surfaces);
    const response = await app.request('/markets?topic=crypto');
    expect(response.status).toBe(200);
    body = (await response.json()) as PolymarketMarketsResponse;
  });
  afterAll(async () => {
    surfaces?.close();
    await ex?.close();
  });

  const byKind = (kind: string) => body.markets.filter((m) => m.event?.kind === kind);

  it('matches each "above" market with the options-implied digital at its date', () => {
    expect(body.surface_as_of.BTC).toBe(surface.asOf);
    const above = byKind('above').filter((m) => m.why === null);
    expect(above).toHaveLength(5);
    for (const m of above) {
      const strike = (m.event as { strike: number }).strike;
      expect(m.options_implied!).toBeCloseTo(referenceAbove(surface, m.resolves_ms!, strike), 6);
      expect(m.probability).toBeCloseTo((m.best_bid! + m.best_ask!) / 2, 12);
      expect(m.difference).toBeCloseTo(m.probability! - m.options_implied!, 12);
      expect(m.expiries_used).toHaveLength(2);
      // The simulated Polymarket prices off the same simulated BTC path: the two markets broadly agree.
      expect(Math.abs(m.difference!)).toBeLessThan(0.15);
    }
    const implied = above.map((m) => m.options_implied!);
    for (let i = 1; i < implied.length; i++) expect(implied[i]!).toBeLessThan(implied[i - 1]!);
  });

  it('prices "between" as the difference of the two digitals', () => {
    const [between] = byKind('between');
    const { low, high } = between!.event as { low: number; high: number };
    const at = (K: number) => referenceAbove(surface, between!.resolves_ms!, K);
    expect(between!.options_implied!).toBeCloseTo(at(low) - at(high), 6);
  });

  it('says why a market cannot be matched, and still lists it', () => {
    const [reach] = byKind('reach');
    expect(reach!.options_implied).toBeNull();
    expect(reach!.probability).not.toBeNull();
    expect(reach!.why).toMatch(/path-dependent/);
    const far = byKind('above').find((m) => m.why !== null);
    expect(far!.why).toMatch(/no options expiry near/);
    const other = body.markets.find((m) => m.event === null);
    expect(other!.question).toMatch(/ETF/);
    expect(other!.why).toMatch(/not understood/);
    expect(body.markets).toHaveLength(9);
  });

  it('refuses an unknown topic with a 400', async () => {
    const app = polymarketMarketsRoutes(
      createPolymarketClient({
        gammaUrl: `${ex.url}/polymarket/gamma`,
        clobUrl: `${ex.url}/polymarket/clob`,
      }),
      surfaces,
    );
    const response = await app.request('/markets?topic=sports');
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/invalid topic/);
  });
});
