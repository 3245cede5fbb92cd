import { describe, expect, it } from 'vitest';
import { fitHar, harFromJSON } from '../../../cells/forecast';
import { createRng } from '../../../cells/random';
import { reference } from './reference';

const { har } = reference;

describe('fitHar', () => {
  it('matches numpy lstsq on the level form (1/7/30 windows)', () => {
    const fit = fitHar(har.rv);
    har.level.coefficients.forEach((c, i) => expect(fit.coefficients[i]! / c).toBeCloseTo(1, 8));
    expect(fit.r2).toBeCloseTo(har.level.r2, 10);
    expect(fit.forecast(1)[0]! / har.level.forecast1).toBeCloseTo(1, 10);
  });

  it('matches numpy lstsq on the log form (logs of window averages)', () => {
    const fit = fitHar(har.rv, { log: true });
    har.log.coefficients.forEach((c, i) => expect(fit.coefficients[i]).toBeCloseTo(c, 8));
    expect(fit.r2).toBeCloseTo(har.log.r2, 10);
    expect(fit.forecast(1)[0]! / har.log.forecast1).toBeCloseTo(1, 10);
  });

  it('recovers known coefficients and mean-reverts to b0 / (1 − Σb) at long horizons', () => {
    const rng = createRng(11);
    const rv = [
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ];
    const mean = (w: number) => rv.slice(-w).reduce((a, b) => a + b, 0) / w;
    for (let t = 0; t < 3000; t++)
      rv.push(0.1 + 0.4 * rv.at(-1)! + 0.3 * mean(7) + 0.2 * mean(30) + 0.05 * rng.normal());
    const fit = fitHar(rv);
    [0.1, 0.4, 0.3, 0.2].forEach((c, i) =>
      expect(Math.abs(fit.coefficients[i]! - c)).toBeLessThan(0.06),
    );
    const c = fit.coefficients;
    expect(fit.forecast(2000)[1999]).toBeCloseTo(c[0]! / (1 - c[1]! - c[2]! - c[3]!), 6);
  });

  it('iterates multi-step forecasts by feeding predictions back', () => {
    const fit = fitHar(har.rv);
    const two = fit.forecast(2);
    const extended = [...har.rv, two[0]!];
    expect(fit.forecastFrom(extended, 1)[0]).toBeCloseTo(two[1]!, 15);
  });

  it('round-trips through JSON', () => {
    const fit = fitHar(har.rv, { log: true });
    const again = harFromJSON(JSON.parse(JSON.stringify(fit.toJSON())));
    expect(Array.from(again.forecast(3))).toEqual(Array.from(fit.forecast(3)));
  });

  it('rejects non-positive RV in the log form', () => {
    expect(() => fitHar([...har.rv.slice(0, 50), 0], { log: true })).toThrow(/invalid rv/);
  });
});
