import { describe, expect, it } from 'vitest';
import fixture from '../../golden/cells/anomaly.json';
import { auc } from '../../../cells/anomaly/metrics';
import { rollingZScore } from '../../../cells/anomaly/zscore';

// Values from scipy (test/golden/cells/make_anomaly_fixture.py): AUC = U / (n₊ n₋) with U from
// mannwhitneyu, rolling z with numpy std(ddof=1), robust z with median_abs_deviation(scale=1).
describe('anomaly metrics against scipy', () => {
  it('gives the Mann-Whitney AUC on 60 scores with ties', () => {
    expect(auc(fixture.scores, fixture.labels)).toBeCloseTo(fixture.auc, 12);
  });

  it('gives rolling plain and robust z-scores as numpy/scipy', () => {
    const z = rollingZScore(fixture.x, { window: fixture.window });
    const rz = rollingZScore(fixture.x, { window: fixture.window, robust: true });
    fixture.z.forEach((v, t) => {
      if (v === null) expect(Number.isNaN(z[t])).toBe(true);
      else expect(z[t]).toBeCloseTo(v, 10);
    });
    fixture.robustZ.forEach((v, t) => {
      if (v !== null) expect(rz[t]).toBeCloseTo(v, 10);
    });
  });
});
