import { describe, expect, it } from 'vitest';
import { createRng } from '../../../cells/random';
import { COINS } from '../../../server/simulator/coins';
import { REGIMES } from '../../../server/simulator/regime';
import { varianceSeasonality, volumeSeasonality } from '../../../server/simulator/seasonality';
import { createMarketState, type MarketState } from '../../../server/simulator/state';
import { step } from '../../../server/simulator/step';

const T0 = Date.UTC(2026, 0, 1) / 1000;

function run(seed: number, steps: number, start: MarketState = createMarketState(T0)) {
  const rng = createRng(seed);
  let state = start;
  const returns: number[] = [];
  for (let i = 0; i < steps; i++) {
    const r = step(state, 3600, rng);
    state = r.state;
    returns.push(r.logReturns[0]!);
  }
  return { state, returns };
}

describe('step', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(run(5, 200)).toEqual(run(5, 200));
    expect(run(6, 200).returns).not.toEqual(run(5, 200).returns);
  });

  it('does not modify its input state and advances time by dt', () => {
    const s0 = createMarketState(T0);
    const copy = structuredClone(s0);
    const { state } = step(s0, 60, createRng(1));
    expect(s0).toEqual(copy);
    expect(state.t).toBe(T0 + 60);
  });

  it('continues identically from a JSON round trip of its state', () => {
    const rngA = createRng(9);
    let a = createMarketState(T0);
    for (let i = 0; i < 50; i++) a = step(a, 3600, rngA).state;
    const b: MarketState = JSON.parse(JSON.stringify(a));
    const forkA = createRng(77);
    const forkB = createRng(77);
    expect(step(b, 1, forkB)).toEqual(step(a, 1, forkA));
  });

  it('adds a forced market jump to every coin in proportion to its loading and volatility', () => {
    const s0 = createMarketState(T0);
    const quiet = step(s0, 1, createRng(3), undefined, { forceRegime: REGIMES.calm });
    const jumped = step(s0, 1, createRng(3), undefined, {
      forceRegime: REGIMES.calm,
      marketJump: -0.2,
    });
    expect(jumped.jumps[0]).toBeCloseTo(-0.2, 12);
    const eth = COINS[1]!;
    expect(jumped.jumps[1]).toBeCloseTo((-0.2 * eth.volScale * eth.market) / COINS[0]!.market, 12);
    expect(jumped.logReturns[0]! - quiet.logReturns[0]!).toBeCloseTo(-0.2, 12);
    expect(jumped.state.marketLogVar).toBeGreaterThan(quiet.state.marketLogVar);
  });

  it('rejects a non-positive step', () => {
    expect(() => step(createMarketState(T0), 0, createRng(1))).toThrow('invalid dtSeconds: 0');
  });
});

describe('intraday seasonality', () => {
  it('averages exactly 1 over the 24 hours of a day', () => {
    let v = 0;
    let q = 0;
    for (let h = 0; h < 24; h++) {
      v += varianceSeasonality(h);
      q += volumeSeasonality(h);
    }
    expect(v / 24).toBeCloseTo(1, 14);
    expect(q / 24).toBeCloseTo(1, 14);
    expect(varianceSeasonality(15)).toBeGreaterThan(varianceSeasonality(3));
  });
});
