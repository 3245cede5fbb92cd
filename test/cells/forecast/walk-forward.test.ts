import { describe, expect, it } from 'vitest';
import {
  arForecaster,
  garchForecaster,
  walkForward,
  type Forecaster,
} from '../../../cells/forecast';
import { reference } from './reference';

/** A forecaster that remembers what it saw: "predict the mean of the training set". */
function spy(): Forecaster<number> & { trains: number[][] } {
  const trains: number[][] = [];
  return {
    trains,
    fit: (train) => {
      trains.push(Array.from(train));
      return train.reduce((a, b) => a + b, 0) / train.length;
    },
    predict: (mean) => mean,
  };
}

describe('walkForward', () => {
  const x = Float64Array.from({ length: 12 }, (_, i) => i);

  it('aligns each forecast with the value h steps after its origin', async () => {
    const s = spy();
    const wf = await walkForward(x, s, { start: 5, horizon: 2 });
    expect(Array.from(wf.index)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(Array.from(wf.realized)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(s.trains[0]).toEqual([0, 1, 2, 3, 4]);
    expect(wf.forecast[0]).toBe(2);
  });

  it('uses a rolling window and refits every n steps', async () => {
    const s = spy();
    const wf = await walkForward(x, s, {
      start: 4,
      window: 'rolling',
      windowSize: 3,
      refitEvery: 3,
    });
    expect(wf.refits).toBe(3);
    expect(s.trains).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    // Between refits the stale mean is reused.
    expect(Array.from(wf.forecast.subarray(0, 3))).toEqual([2, 2, 2]);
  });

  it('never lets a model see its target (AR(1) on a deterministic ramp forecasts it exactly)', async () => {
    const ramp = Float64Array.from({ length: 40 }, (_, i) => 3 + 0.5 * i + 0.01 * (i % 3));
    const wf = await walkForward(ramp, arForecaster(3), { start: 20 });
    for (let i = 0; i < wf.forecast.length; i++)
      expect(wf.forecast[i]).toBeCloseTo(wf.realized[i]!, 8);
  });

  it('scores GARCH variance forecasts against a separate target', async () => {
    const r = reference.garch.returnsNormal.slice(0, 320);
    const r2 = r.map((v) => v * v);
    const wf = await walkForward(r, garchForecaster(), { start: 300, refitEvery: 10, target: r2 });
    expect(wf.refits).toBe(2);
    expect(wf.realized[0]).toBe(r2[300]);
    for (const v of wf.forecast) expect(v).toBeGreaterThan(0);
  });

  it('reports progress and honours an abort signal', async () => {
    const seen: number[] = [];
    await walkForward(x, spy(), { start: 9, onProgress: (f) => seen.push(f) });
    expect(seen).toEqual([1 / 3, 2 / 3, 1]);
    const controller = new AbortController();
    controller.abort();
    await expect(walkForward(x, spy(), { start: 5, signal: controller.signal })).rejects.toThrow();
  });
});
