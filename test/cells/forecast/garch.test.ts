import { describe, expect, it } from 'vitest';
import {
  fitGarch,
  garchFromJSON,
  garchLogLikelihood,
  presampleVariance,
} from '../../../cells/forecast';
import { fitGarchWarm } from '../../../cells/forecast/garch';
import { garchLogLikelihoodGradient } from '../../../cells/forecast/garch-likelihood';
import { createRng } from '../../../cells/random';
import { reference } from './reference';

const { garch } = reference;

function demean(x: readonly number[]): Float64Array {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  return Float64Array.from(x, (v) => v - m);
}

/** A second, deliberately plain implementation: normal density written out, h₀ from the backcast. */
function naiveNormalLogLik(omega: number, alpha: number, beta: number, eps: Float64Array): number {
  const tau = Math.min(75, eps.length);
  const weights = Array.from({ length: tau }, (_, i) => 0.94 ** i);
  const total = weights.reduce((a, b) => a + b, 0);
  const s0 = weights.reduce((acc, w, i) => acc + (w / total) * eps[i]! ** 2, 0);
  const h: number[] = [omega + alpha * s0 + beta * s0];
  for (let t = 1; t < eps.length; t++) h.push(omega + alpha * eps[t - 1]! ** 2 + beta * h[t - 1]!);
  return h.reduce(
    (acc, ht, t) =>
      acc + Math.log(Math.exp(-(eps[t]! ** 2) / (2 * ht)) / Math.sqrt(2 * Math.PI * ht)),
    0,
  );
}

describe('garchLogLikelihood', () => {
  const epsN = demean(garch.returnsNormal);
  const epsT = demean(garch.returnsT);

  it('matches the Python loop to 1e-9 (normal and Student-t)', () => {
    const { omega, alpha, beta, nu } = garch.probe;
    expect(
      Math.abs(
        garchLogLikelihood({ omega, alpha, beta }, epsN, 'normal') - garch.probeLogLikNormal,
      ),
    ).toBeLessThan(1e-9);
    expect(
      Math.abs(garchLogLikelihood({ omega, alpha, beta, nu }, epsT, 't') - garch.probeLogLikT),
    ).toBeLessThan(1e-9);
  });

  it('matches a second implementation in this test to 1e-9', () => {
    const ours = garchLogLikelihood({ omega: 3e-6, alpha: 0.12, beta: 0.8 }, epsN, 'normal');
    expect(Math.abs(ours - naiveNormalLogLik(3e-6, 0.12, 0.8, epsN))).toBeLessThan(1e-9);
  });

  it('uses the arch backcast as pre-sample variance', () => {
    expect(presampleVariance(epsN, 'backcast')).toBeCloseTo(garch.backcastNormal, 15);
  });

  it('has an analytic gradient that agrees with central differences', () => {
    const s0 = presampleVariance(epsT, 'backcast');
    const theta = [4e-6, 0.1, 0.85, 6];
    const grad = new Float64Array(4);
    garchLogLikelihoodGradient(epsT, s0, theta[0]!, theta[1]!, theta[2]!, 't', theta[3]!, grad);
    for (let k = 0; k < 4; k++) {
      const step = theta[k]! * 1e-6;
      const up = [...theta];
      const down = [...theta];
      up[k]! += step;
      down[k]! -= step;
      const f = (p: number[]) =>
        garchLogLikelihoodGradient(epsT, s0, p[0]!, p[1]!, p[2]!, 't', p[3]!, null);
      const numeric = (f(up) - f(down)) / (2 * step);
      expect(grad[k]! / numeric).toBeCloseTo(1, 5);
    }
  });
});

describe('fitGarch', () => {
  it('reaches the scipy SLSQP optimum (normal)', () => {
    const fit = fitGarch(garch.returnsNormal, { dist: 'normal' });
    const ref = garch.fitNormal;
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeGreaterThan(ref.logLikelihood - 1e-6);
    expect(fit.omega / ref.omega).toBeCloseTo(1, 3);
    expect(fit.alpha).toBeCloseTo(ref.alpha, 4);
    expect(fit.beta).toBeCloseTo(ref.beta, 4);
    expect(fit.nu).toBeUndefined();
  });

  it('reaches the scipy SLSQP optimum (Student-t)', () => {
    const fit = fitGarch(garch.returnsT, { dist: 't' });
    const ref = garch.fitT;
    expect(fit.logLikelihood).toBeGreaterThan(ref.logLikelihood - 1e-6);
    expect(fit.alpha).toBeCloseTo(ref.alpha, 4);
    expect(fit.beta).toBeCloseTo(ref.beta, 4);
    expect(fit.nu! / ref.nu).toBeCloseTo(1, 3);
  });

  it('recovers the parameters of a simulated GARCH(1,1), T = 5000', () => {
    const rng = createRng(2024);
    const [omega, alpha, beta] = [2e-6, 0.08, 0.9];
    let h = omega / (1 - alpha - beta);
    const r = new Float64Array(5000);
    for (let t = 0; t < r.length; t++) {
      r[t] = Math.sqrt(h) * rng.normal();
      h = omega + alpha * r[t]! ** 2 + beta * h;
    }
    const fit = fitGarch(r, { mean: 'zero' });
    expect(Math.abs(fit.alpha - alpha)).toBeLessThan(0.02);
    expect(Math.abs(fit.beta - beta)).toBeLessThan(0.025);
    expect(fit.unconditionalVariance / (omega / (1 - alpha - beta))).toBeCloseTo(1, 0);
    expect(fit.alpha + fit.beta).toBeLessThan(1);
  });

  it('forecasts h_{T+1} = ω + α ε²_T + β h_T, then mean-reverts geometrically', () => {
    const fit = fitGarch(garch.returnsNormal);
    const eps = demean(garch.returnsNormal);
    const T = eps.length - 1;
    const fc = fit.forecast(50);
    expect(fc[0]).toBeCloseTo(
      fit.omega + fit.alpha * eps[T]! ** 2 + fit.beta * fit.conditionalVariance[T]!,
      18,
    );
    const p = fit.alpha + fit.beta;
    expect(fc[9]! - fit.unconditionalVariance).toBeCloseTo(
      (fc[0]! - fit.unconditionalVariance) * p ** 9,
      18,
    );
    expect(Array.from(fit.forecastFrom(garch.returnsNormal, 3))).toEqual(
      Array.from(fit.forecast(3)),
    );
  });

  it('fixes ω = s²(1 − α − β) under variance targeting', () => {
    const fit = fitGarch(garch.returnsNormal, { varianceTargeting: true });
    const s2 = presampleVariance(demean(garch.returnsNormal), 'sampleVariance');
    expect(fit.unconditionalVariance).toBeCloseTo(s2, 15);
    expect(fit.logLikelihood).toBeLessThanOrEqual(garch.fitNormal.logLikelihood + 1e-6);
  });

  it('round-trips through JSON', () => {
    const fit = fitGarch(garch.returnsT, { dist: 't' });
    const again = garchFromJSON(JSON.parse(JSON.stringify(fit.toJSON())));
    expect(again.nu).toBe(fit.nu);
    expect(Array.from(again.forecast(5))).toEqual(Array.from(fit.forecast(5)));
  });

  it('reaches the same scipy optimum warm-started from a fit on a shorter window, in fewer iterations', () => {
    // A walk-forward refit: the window grew by 40 observations since the last fit.
    for (const [dist, returns, ref] of [
      ['normal', garch.returnsNormal, garch.fitNormal],
      ['t', garch.returnsT, garch.fitT],
    ] as const) {
      const earlier = fitGarchWarm(returns.slice(0, returns.length - 40), { dist });
      const cold = fitGarch(returns, { dist });
      const { fit } = fitGarchWarm(returns, { dist }, earlier.warm);
      expect(fit.converged).toBe(true);
      expect(fit.logLikelihood).toBeGreaterThan(ref.logLikelihood - 1e-6);
      expect(fit.alpha).toBeCloseTo(ref.alpha, 4);
      expect(fit.beta).toBeCloseTo(ref.beta, 4);
      expect(fit.iterations).toBeLessThan(cold.iterations / 2);
    }
  });

  it('takes a caller start as one more candidate, keeping the grid', () => {
    // A poor start (persistence 0.5) must not pull the fit away from the optimum.
    const fit = fitGarch(garch.returnsNormal, { start: { omega: 1e-3, alpha: 0.25, beta: 0.25 } });
    expect(fit.logLikelihood).toBeGreaterThan(garch.fitNormal.logLikelihood - 1e-6);
    expect(() =>
      fitGarch(garch.returnsNormal, { start: { omega: 1, alpha: 0.6, beta: 0.6 } }),
    ).toThrow(/invalid start/);
  });

  it('validates its input', () => {
    expect(() => fitGarch([0.1, 0.2])).toThrow(/too short/);
    expect(() => garchLogLikelihood({ omega: 0, alpha: 0.1, beta: 0.8 }, [1, 2, 3])).toThrow(
      /invalid params/,
    );
  });
});
