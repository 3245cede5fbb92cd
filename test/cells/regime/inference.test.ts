import { describe, expect, it } from 'vitest';
import { hmmLogLikelihood, hmmPosteriors, hmmViterbi } from '../../../cells/regime/inference';
import { createGaussianHmm } from '../../../cells/regime/model';
import { enumerate, normal2Pdf, normalPdf } from './brute-force';

const x5 = [0.3, -1.2, 2.5, 0.1, -0.4];

const uni2 = {
  initial: [0.6, 0.4],
  transition: [
    [0.9, 0.1],
    [0.3, 0.7],
  ],
  means: [0, 0.5],
  variances: [0.5, 3],
};

const uni3 = {
  initial: [0.2, 0.5, 0.3],
  transition: [
    [0.8, 0.15, 0.05],
    [0.1, 0.6, 0.3],
    [0.25, 0.25, 0.5],
  ],
  means: [-1, 0, 2],
  variances: [0.3, 1, 2],
};

// Two-dimensional, full covariance, T = 5.
const x2d = [
  [0.2, 0.1],
  [-1, 0.4],
  [1.5, 1.2],
  [0.3, -0.8],
  [2.2, 2.5],
];
const full2 = {
  initial: [0.5, 0.5],
  transition: [
    [0.85, 0.15],
    [0.2, 0.8],
  ],
  means: [
    [0, 0],
    [1, 1],
  ],
  covariances: [
    [
      [1, 0.3],
      [0.3, 0.5],
    ],
    [
      [2, -0.6],
      [-0.6, 1.5],
    ],
  ],
};
const full3 = {
  initial: [0.3, 0.3, 0.4],
  transition: [
    [0.7, 0.2, 0.1],
    [0.1, 0.8, 0.1],
    [0.3, 0.3, 0.4],
  ],
  means: [
    [0, 0],
    [1, 1],
    [-1, 2],
  ],
  covariances: [
    [
      [1, 0.3],
      [0.3, 0.5],
    ],
    [
      [2, -0.6],
      [-0.6, 1.5],
    ],
    [
      [0.7, 0],
      [0, 0.9],
    ],
  ],
};

const cases = [
  {
    name: 'univariate, K = 2',
    spec: uni2,
    x: x5,
    density: (k: number, t: number) => normalPdf(x5[t]!, uni2.means[k]!, uni2.variances[k]!),
  },
  {
    name: 'univariate, K = 3',
    spec: uni3,
    x: x5,
    density: (k: number, t: number) => normalPdf(x5[t]!, uni3.means[k]!, uni3.variances[k]!),
  },
  {
    name: '2-D full covariance, K = 2',
    spec: full2,
    x: x2d,
    density: (k: number, t: number) => normal2Pdf(x2d[t]!, full2.means[k]!, full2.covariances[k]!),
  },
  {
    name: '2-D full covariance, K = 3',
    spec: full3,
    x: x2d,
    density: (k: number, t: number) => normal2Pdf(x2d[t]!, full3.means[k]!, full3.covariances[k]!),
  },
];

describe.each(cases)('HMM inference against brute-force enumeration ($name, T = 5)', (c) => {
  const model = createGaussianHmm(c.spec);
  const ref = enumerate({ ...c.spec, density: c.density }, 5);
  const x = c.x; // the 2-D cases are 5 rows of 2: read as rows

  it('gives the log-likelihood of the sum over all K^T paths', () => {
    expect(hmmLogLikelihood(model, x)).toBeCloseTo(ref.logLikelihood, 11);
  });

  it('gives posteriors that match path marginals and sum to one at every t', () => {
    const { posteriors, logLikelihood } = hmmPosteriors(model, x);
    expect(logLikelihood).toBeCloseTo(ref.logLikelihood, 11);
    for (let t = 0; t < 5; t++) {
      let s = 0;
      for (let k = 0; k < model.states; k++) {
        expect(posteriors[k]![t]).toBeCloseTo(ref.posteriors[t]![k]!, 12);
        s += posteriors[k]![t]!;
      }
      expect(s).toBeCloseTo(1, 14);
    }
  });

  it('finds the single most likely path', () => {
    const v = hmmViterbi(model, x);
    expect(Array.from(v.path)).toEqual(ref.viterbi);
    expect(v.logProbability).toBeCloseTo(ref.viterbiLogProbability, 11);
  });
});

describe('long sequences', () => {
  it('does not underflow over 20,000 observations with far-off points', () => {
    const model = createGaussianHmm(uni2);
    const x = Float64Array.from({ length: 20_000 }, (_, t) => (t % 97 === 0 ? 40 : Math.sin(t)));
    const ll = hmmLogLikelihood(model, x);
    expect(Number.isFinite(ll)).toBe(true);
    const { posteriors } = hmmPosteriors(model, x);
    for (let t = 0; t < 20_000; t += 997)
      expect(posteriors[0]![t]! + posteriors[1]![t]!).toBeCloseTo(1, 12);
  });
});
