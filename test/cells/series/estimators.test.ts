import { describe, expect, it } from 'vitest';
import { realizedVol } from '../../../cells/series/rolling';
import { yangZhangK } from '../../../cells/series/estimators';

// Four bars given as log prices relative to 100 (price = 100·e^x), so every log ratio below is
// a difference of the numbers in this table:
//          o      h      l      c    ln H/L  ln C/O  overnight ln O/C₋₁
// bar 0  0.00   0.03  -0.01   0.01   0.04    0.01     —
// bar 1  0.02   0.05   0.00   0.04   0.05    0.02    0.01
// bar 2  0.03   0.04   0.00   0.01   0.04   -0.02   -0.01
// bar 3  0.01   0.03  -0.02   0.02   0.05    0.01    0.00
const logBars = [
  [0.0, 0.03, -0.01, 0.01],
  [0.02, 0.05, 0.0, 0.04],
  [0.03, 0.04, 0.0, 0.01],
  [0.01, 0.03, -0.02, 0.02],
];
const px = (k: number) => logBars.map((b) => 100 * Math.exp(b[k]!));
const bars = { open: px(0), high: px(1), low: px(2), close: px(3) };
const LN2 = Math.LN2;

describe('realized-vol estimators on a hand-worked example', () => {
  it('close-to-close: sample std of 0.03, −0.03, 0.01', () => {
    // mean 0.01/3; Σr² = 0.0019; Σ(r − r̄)² = 0.0019 − 3·(0.01/3)² = 0.0018667; /(n − 1 = 2)
    const expected = Math.sqrt((0.0019 - 0.0001 / 3) / 2);
    expect(realizedVol(bars, { estimator: 'close' })).toBeCloseTo(expected, 12);
  });

  it('Parkinson: mean (ln H/L)² / (4 ln 2)', () => {
    // (0.0016 + 0.0025 + 0.0016 + 0.0025) / 4 = 0.00205
    const expected = Math.sqrt(0.00205 / (4 * LN2)); // 0.027192
    expect(realizedVol(bars, { estimator: 'parkinson' })).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(0.027192, 5);
  });

  it('Garman-Klass: mean of ½(ln H/L)² − (2 ln 2 − 1)(ln C/O)²', () => {
    // ½Σ(ln H/L)² = 0.0041; Σ(ln C/O)² = 0.0001 + 0.0004 + 0.0004 + 0.0001 = 0.001
    const expected = Math.sqrt((0.0041 - (2 * LN2 - 1) * 0.001) / 4);
    expect(realizedVol(bars, { estimator: 'garmanKlass' })).toBeCloseTo(expected, 12);
  });

  it('Rogers-Satchell: mean of ln(H/C)ln(H/O) + ln(L/C)ln(L/O)', () => {
    // bar 0: 0.02·0.03 + (−0.02)(−0.01) = 0.0008   bar 1: 0.01·0.03 + (−0.04)(−0.02) = 0.0011
    // bar 2: 0.03·0.01 + (−0.01)(−0.03) = 0.0006   bar 3: 0.01·0.02 + (−0.04)(−0.03) = 0.0014
    const expected = Math.sqrt(0.0039 / 4);
    expect(realizedVol(bars, { estimator: 'rogersSatchell' })).toBeCloseTo(expected, 12);
  });

  it('Yang-Zhang: overnight + k·open-to-close + (1 − k)·RS over bars 1..3', () => {
    // overnight 0.01, −0.01, 0: mean 0, σ²_o = 0.0002 / 2 = 0.0001
    // open-to-close 0.02, −0.02, 0.01: σ²_c = (0.0009 − 3·(0.01/3)²) / 2 = 0.00043333
    // (close-to-close would be 0.00093333: the estimator must use open-to-close)
    // RS over bars 1..3: (0.0011 + 0.0006 + 0.0014) / 3 = 0.00103333
    // k = 0.34 / (1.34 + (3 + 1)/(3 − 1)) = 0.34 / 3.34 = 0.1017964
    const k = 0.34 / 3.34;
    const sc2 = (0.0009 - 0.0001 / 3) / 2;
    const expected = Math.sqrt(0.0001 + k * sc2 + (1 - k) * (0.0031 / 3));
    expect(yangZhangK(3)).toBeCloseTo(0.1017964, 7);
    expect(realizedVol(bars, { estimator: 'yangZhang' })).toBeCloseTo(expected, 12);
    const withCloseToClose = Math.sqrt(
      0.0001 + k * ((0.0019 - 0.0001 / 3) / 2) + (1 - k) * (0.0031 / 3),
    );
    expect(
      Math.abs(realizedVol(bars, { estimator: 'yangZhang' }) - withCloseToClose),
    ).toBeGreaterThan(1e-4);
  });

  it('annualizes with √365', () => {
    const daily = realizedVol(bars, { estimator: 'parkinson' });
    expect(realizedVol(bars, { estimator: 'parkinson', annualize: true })).toBeCloseTo(
      daily * Math.sqrt(365),
      12,
    );
  });

  it('rejects unknown estimators', () => {
    expect(() => realizedVol(bars, { estimator: 'magic' as never })).toThrow(/invalid estimator/);
  });
});
