import { createRng } from '../../cells/random';
import { isolationForest } from '../../cells/anomaly/isolation-forest';
import { randomForest } from '../../cells/anomaly/random-forest';
import { rollingZScore } from '../../cells/anomaly/zscore';
import { ratioCase, type BenchSuite } from './harness';
import { pythonPeerCase } from './peer/python-peer';

const N = 100_000;
const D = 10;
const RF_ROWS = 5000;
const rng = createRng(1);
const flat = Float64Array.from({ length: N * D }, () => rng.normal());
const series = Float64Array.from({ length: N }, () => rng.normal());
const rfRows = Float64Array.from({ length: RF_ROWS * D }, () => rng.normal());
const rfLabels = Array.from({ length: RF_ROWS }, (_, i) =>
  rfRows[i * D]! + 0.5 * rfRows[i * D + 1]! > 0 ? 1 : 0,
);

/** The exact bytes of a Float64Array, for the Python peer to read back with numpy.frombuffer. */
const base64 = (x: Float64Array): string =>
  Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('base64');

const IF_CASE = 'isolation forest fit + score, 100,000 × 10, 100 trees';
const IF_PEER = 'scikit-learn IsolationForest fit + score_samples, same data';
const RF_CASE = 'random forest fit, 5,000 × 10, 100 trees';
const RF_PEER = 'scikit-learn RandomForestClassifier fit, same data';

// Decoding the rows is outside work(): only the fit (and scoring) is timed on the Python side.
const readRows = (key: string, rows: number): string => `
import base64
import numpy as np
X = np.frombuffer(base64.b64decode(INPUT['${key}']), dtype='<f8').reshape(${rows}, ${D})
`;

export const suite: BenchSuite = {
  name: 'anomaly',
  cases: [
    {
      name: IF_CASE,
      goal: '< 500 ms',
      items: { count: N, unit: 'rows' },
      run: () => void isolationForest(flat, { dims: D, trees: 100, seed: 1 }).score(flat),
    },
    pythonPeerCase({
      name: IF_PEER,
      modules: ['sklearn', 'numpy'],
      input: { flat: base64(flat) },
      runs: 3,
      script: `${readRows('flat', N)}
from sklearn.ensemble import IsolationForest
def work():
    forest = IsolationForest(n_estimators=100, max_samples=256, random_state=0, n_jobs=1).fit(X)
    forest.score_samples(X)
`,
    }),
    ratioCase('isolation forest vs scikit-learn', IF_CASE, IF_PEER, '>= 5x'),
    {
      name: 'rolling robust z-score (median/MAD), 100,000 values, window 60',
      items: { count: N, unit: 'values' },
      run: () => void rollingZScore(series, { window: 60, robust: true }),
    },
    {
      name: RF_CASE,
      runs: 3,
      run: () => void randomForest(rfRows, rfLabels, { dims: D, trees: 100, seed: 1 }),
    },
    // Our settings: bootstrap, floor(√10) = 3 features per split, unlimited depth, leaves of one;
    // ours also computes the out-of-bag error during the fit, so the peer does too.
    pythonPeerCase({
      name: RF_PEER,
      modules: ['sklearn', 'numpy'],
      input: { rows: base64(rfRows), labels: rfLabels },
      runs: 3,
      script: `${readRows('rows', RF_ROWS)}
from sklearn.ensemble import RandomForestClassifier
y = np.array(INPUT['labels'])
def work():
    RandomForestClassifier(
        n_estimators=100, max_features='sqrt', bootstrap=True, max_depth=None,
        min_samples_leaf=1, oob_score=True, n_jobs=1, random_state=0,
    ).fit(X, y)
`,
    }),
    ratioCase('random forest vs scikit-learn', RF_CASE, RF_PEER, '>= 1x'),
  ],
};
