import { describe, expect, it } from 'vitest';
import {
  baumWelchStep,
  eStep,
  hmmLogLikelihood,
  hmmPosteriors,
  hmmViterbi,
} from '../../../cells/regime/inference';
import { createRng } from '../../../cells/random';
import { emissionLogDensities, prepareEmission } from '../../../cells/regime/emission';
import { createWorkspace, forwardBackward } from '../../../cells/regime/forward-backward';
import { createGaussianHmm } from '../../../cells/regime/model';
import { toObservations } from '../../../cells/regime/observations';
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

// K = 1 and K = 6 run the generic loops (K = 2 to 5 have unrolled kernels).
const uni1 = { initial: [1], transition: [[1]], means: [0.2], variances: [1.5] };

const uni6 = {
  initial: [0.2, 0.1, 0.2, 0.15, 0.25, 0.1],
  transition: [
    [0.5, 0.1, 0.1, 0.1, 0.1, 0.1],
    [0.05, 0.6, 0.1, 0.1, 0.05, 0.1],
    [0.2, 0.2, 0.3, 0.1, 0.1, 0.1],
    [0.1, 0.05, 0.05, 0.7, 0.05, 0.05],
    [0.15, 0.25, 0.2, 0.1, 0.2, 0.1],
    [0.3, 0.1, 0.1, 0.1, 0.1, 0.3],
  ],
  means: [-2, -0.5, 0, 1, 3, 0.5],
  variances: [0.5, 1, 0.2, 2, 1.2, 3],
};

const uni5 = {
  initial: [0.3, 0.1, 0.2, 0.15, 0.25],
  transition: [
    [0.6, 0.1, 0.1, 0.1, 0.1],
    [0.05, 0.7, 0.1, 0.1, 0.05],
    [0.2, 0.2, 0.4, 0.1, 0.1],
    [0.1, 0.05, 0.05, 0.75, 0.05],
    [0.15, 0.25, 0.2, 0.1, 0.3],
  ],
  means: [-2, -0.5, 0, 1, 3],
  variances: [0.5, 1, 0.2, 2, 1.2],
};

const uni4 = {
  initial: [0.1, 0.2, 0.3, 0.4],
  transition: [
    [0.7, 0.1, 0.1, 0.1],
    [0.2, 0.5, 0.2, 0.1],
    [0.05, 0.15, 0.6, 0.2],
    [0.25, 0.25, 0.25, 0.25],
  ],
  means: [-1, 0, 1, 2.5],
  variances: [0.3, 1, 2, 0.8],
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
    name: 'univariate, K = 1',
    spec: uni1,
    x: x5,
    density: (k: number, t: number) => normalPdf(x5[t]!, uni1.means[k]!, uni1.variances[k]!),
  },
  {
    name: 'univariate, K = 4',
    spec: uni4,
    x: x5,
    density: (k: number, t: number) => normalPdf(x5[t]!, uni4.means[k]!, uni4.variances[k]!),
  },
  {
    name: 'univariate, K = 6',
    spec: uni6,
    x: x5,
    density: (k: number, t: number) => normalPdf(x5[t]!, uni6.means[k]!, uni6.variances[k]!),
  },
  {
    name: 'univariate, K = 5',
    spec: uni5,
    x: x5,
    density: (k: number, t: number) => normalPdf(x5[t]!, uni5.means[k]!, uni5.variances[k]!),
  },
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

  it('re-estimates the start and transitions from the path marginals (one Baum-Welch step)', () => {
    const { model: next, logLikelihood } = baumWelchStep(model, x);
    expect(logLikelihood).toBeCloseTo(ref.logLikelihood, 11);
    const K = model.states;
    for (let i = 0; i < K; i++) {
      expect(next.initial[i]).toBeCloseTo(ref.posteriors[0]![i]!, 12);
      const row = ref.transitions[i]!;
      const out = row.reduce((a, b) => a + b, 0);
      for (let j = 0; j < K; j++) expect(next.transition[i * K + j]).toBeCloseTo(row[j]! / out, 11);
    }
    if (model.dims === 1) {
      // Means and variances weighted by the path marginals (minVariance 0: plain EM).
      for (let k = 0; k < K; k++) {
        let w = 0;
        let m = 0;
        for (let t = 0; t < 5; t++) w += ref.posteriors[t]![k]!;
        for (let t = 0; t < 5; t++) m += (ref.posteriors[t]![k]! * x5[t]!) / w;
        let v = 0;
        for (let t = 0; t < 5; t++) v += (ref.posteriors[t]![k]! * (x5[t]! - m) ** 2) / w;
        expect(next.means[k]).toBeCloseTo(m, 11);
        expect(next.covars[k]).toBeCloseTo(v, 11);
      }
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

/** Forward-backward in log space (log-sum-exp at every step, no scaling): the long-series reference. */
function logSpaceReference(spec: typeof uni4, x: Float64Array) {
  const K = spec.initial.length;
  const T = x.length;
  const lse = (v: number[]) => {
    const m = Math.max(...v);
    return m + Math.log(v.reduce((s, a) => s + Math.exp(a - m), 0));
  };
  const logB = (t: number, k: number) =>
    -0.5 * Math.log(2 * Math.PI * spec.variances[k]!) -
    (x[t]! - spec.means[k]!) ** 2 / (2 * spec.variances[k]!);
  const logA = spec.transition.map((row) => row.map(Math.log));
  const la: number[][] = [spec.initial.map((p, k) => Math.log(p) + logB(0, k))];
  for (let t = 1; t < T; t++) {
    la.push(logA[0]!.map((_, j) => lse(la[t - 1]!.map((a, i) => a + logA[i]![j]!)) + logB(t, j)));
  }
  const lb: number[][] = new Array<number[]>(T);
  lb[T - 1] = new Array<number>(K).fill(0);
  for (let t = T - 2; t >= 0; t--) {
    lb[t] = logA.map((row) => lse(row.map((a, j) => a + logB(t + 1, j) + lb[t + 1]![j]!)));
  }
  const ll = lse(la[T - 1]!);
  const gamma = la.map((row, t) => row.map((a, k) => Math.exp(a + lb[t]![k]! - ll)));
  const xi = logA.map((row, i) =>
    row.map((a, j) => {
      let s = 0;
      for (let t = 0; t < T - 1; t++)
        s += Math.exp(la[t]![i]! + a + logB(t + 1, j) + lb[t + 1]![j]! - ll);
      return s;
    }),
  );
  return { ll, gamma, xi };
}

// Levels far apart, and the widest state (120, variance 6) far from the others: near 0 its density
// is e^-1200 of the largest (the row must fall back to its maximum, or exp overflows), near 90 it
// is e^-75 (scaled densities reach 1e32, so rows are rescaled for growing as well as shrinking).
const levels = {
  initial: [0.25, 0.25, 0.25, 0.25],
  transition: [
    [0.9, 0.04, 0.03, 0.03],
    [0.1, 0.8, 0.05, 0.05],
    [0.05, 0.05, 0.8, 0.1],
    [0.05, 0.05, 0.1, 0.8],
  ],
  means: [0, 30, 90, 120],
  variances: [1, 0.5, 0.5, 6],
};

describe.each([
  { name: 'K = 2', spec: uni2, level: 0 },
  { name: 'K = 3', spec: uni3, level: 0 },
  { name: 'K = 4', spec: uni4, level: 0 },
  { name: 'K = 5', spec: uni5, level: 0 },
  { name: 'K = 6', spec: uni6, level: 0 },
  { name: 'K = 4, levels far apart', spec: levels, level: 1 },
])(
  'scaled forward-backward against log space over 3,000 observations ($name)',
  ({ spec, level }) => {
    // Far-off points make some densities underflow against others by e^-300 and more, so the
    // lazily scaled forward rows are rescaled many times along the way.
    const rng = createRng(5);
    const x = Float64Array.from({ length: 3000 }, (_, t) =>
      level
        ? levels.means[Math.floor(t / 40) % 4]! + rng.normal()
        : t % 211 === 0
          ? 60
          : t % 89 === 0
            ? -25
            : 2 * rng.normal(),
    );
    const model = createGaussianHmm(spec);
    const ref = logSpaceReference(spec, x);
    const K = model.states;

    it('matches the log-likelihood, posteriors and transition counts', () => {
      const ws = createWorkspace(x.length, K);
      emissionLogDensities(model, prepareEmission(model), x, x.length, ws.em);
      const ll = forwardBackward(model.initial, model.transition, ws);
      expect(ll).toBeCloseTo(ref.ll, 7);
      expect(Math.abs(ll - ref.ll) / Math.abs(ref.ll)).toBeLessThan(1e-12);
      let worst = 0;
      for (let t = 0; t < x.length; t++) {
        for (let k = 0; k < K; k++)
          worst = Math.max(worst, Math.abs(ws.alpha[t * K + k]! - ref.gamma[t]![k]!));
      }
      // The reference's log α and log β reach −10⁴ and carry ~1e-12 relative rounding each.
      expect(worst).toBeLessThan(1e-8);
      for (let i = 0; i < K; i++) {
        for (let j = 0; j < K; j++) {
          expect(Math.abs(ws.xi[i * K + j]! - ref.xi[i]![j]!)).toBeLessThan(
            1e-8 * (1 + ref.xi[i]![j]!),
          );
        }
      }
    });

    it('gives the same likelihood through the public forward pass and the fused univariate E-step', () => {
      expect(hmmLogLikelihood(model, x)).toBeCloseTo(ref.ll, 7);
      const ws = createWorkspace(x.length, K);
      expect(eStep(model, toObservations(x), ws)).toBeCloseTo(ref.ll, 7);
    });
  },
);
