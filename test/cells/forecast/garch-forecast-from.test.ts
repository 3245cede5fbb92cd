import { describe, expect, it } from 'vitest';
import { fitGarch } from '../../../cells/forecast';
import { reference } from './reference';

const returns = Float64Array.from(reference.garch.returnsNormal);

/** h_{T+1} written out from the start: backcast presample, then the recursion over every return. */
function nextVarianceByHand(fit: ReturnType<typeof fitGarch>, history: Float64Array): number {
  const eps = Array.from(history, (x) => x - fit.mu);
  const tau = Math.min(75, eps.length);
  let w = 1;
  let sw = 0;
  let s = 0;
  for (let i = 0; i < tau; i++) {
    s += w * eps[i]! ** 2;
    sw += w;
    w *= 0.94;
  }
  let h = fit.omega + (fit.alpha + fit.beta) * (s / sw);
  for (const e of eps) h = fit.omega + fit.alpha * e * e + fit.beta * h;
  return h;
}

describe('GARCH forecastFrom', () => {
  const fit = fitGarch(returns, { dist: 'normal' });

  it('forecasts from growing prefixes of one array exactly as from fresh copies', () => {
    for (const t of [10, 74, 75, 76, 200, 201, 500, returns.length]) {
      const prefix = returns.subarray(0, t);
      const incremental = fit.forecastFrom(prefix, 3);
      const fresh = fit.forecastFrom(Float64Array.from(prefix), 3);
      expect(Array.from(incremental)).toEqual(Array.from(fresh));
      expect(incremental[0]).toBeCloseTo(nextVarianceByHand(fit, prefix), 15);
    }
  });

  it('starts over for a history that does not extend the previous one', () => {
    fit.forecastFrom(returns.subarray(0, 400), 1);
    const shorter = fit.forecastFrom(returns.subarray(0, 300), 1)[0]!;
    const shifted = fit.forecastFrom(returns.subarray(100, 400), 1)[0]!;
    expect(shorter).toBeCloseTo(nextVarianceByHand(fit, returns.subarray(0, 300)), 15);
    expect(shifted).toBeCloseTo(nextVarianceByHand(fit, returns.subarray(100, 400)), 15);
  });

  it('projects h steps ahead toward the unconditional variance', () => {
    const path = fit.forecastFrom(returns, 50);
    const persistence = fit.alpha + fit.beta;
    for (let k = 1; k < path.length; k++) {
      expect(path[k]).toBeCloseTo(fit.omega + persistence * path[k - 1]!, 15);
    }
  });
});
