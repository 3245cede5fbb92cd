import { describe, expect, it } from 'vitest';
import { arFromJSON, fitAr } from '../../../cells/forecast';
import { reference } from './reference';

const { ar } = reference;

describe('fitAr', () => {
  const fit = fitAr(ar.x, ar.p);

  it('matches numpy lstsq (SVD) coefficients, intercept first', () => {
    ar.coefficients.forEach((c, i) => expect(fit.coefficients[i]).toBeCloseTo(c, 10));
  });

  it('reports the unbiased residual variance RSS / (nobs − p − 1)', () => {
    expect(fit.sigma2).toBeCloseTo(ar.sigma2, 10);
    expect(fit.residuals.length).toBe(ar.x.length - ar.p);
  });

  it('iterates forecasts as the reference does', () => {
    const fc = fit.forecast(5);
    ar.forecast5.forEach((v, i) => expect(fc[i]).toBeCloseTo(v, 10));
  });

  it('recovers an exact AR(1) recursion without noise', () => {
    const x = [1];
    for (let t = 1; t < 30; t++) x.push(0.5 + 0.8 * x[t - 1]! + (t % 2 ? 1e-3 : -1e-3));
    const c = fitAr(x, 1).coefficients;
    expect(c[1]).toBeCloseTo(0.8, 2);
  });

  it('round-trips through JSON and forecasts the same', () => {
    const again = arFromJSON(JSON.parse(JSON.stringify(fit.toJSON())));
    expect(Array.from(again.forecast(4))).toEqual(Array.from(fit.forecast(4)));
  });

  it('validates p and the length', () => {
    expect(() => fitAr([1, 2, 3], 2)).toThrow(/too short/);
    expect(() => fitAr(ar.x, -1)).toThrow(/invalid p/);
  });
});
