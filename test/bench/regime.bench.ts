import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRng } from '../../cells/random';
import { fitGaussianHmm } from '../../cells/regime/fit';
import { createWorkspace } from '../../cells/regime/forward-backward';
import { eStep, hmmViterbi } from '../../cells/regime/inference';
import { createGaussianHmm, type GaussianHmm } from '../../cells/regime/model';
import { maximize } from '../../cells/regime/mstep';
import { toObservations } from '../../cells/regime/observations';
import { selectStates } from '../../cells/regime/select';
import { logReturns } from '../../cells/series/returns';
import { queryRows } from '../../server/db/duckdb';
import { ensureBundledDatasets } from '../../server/datasets/generate';
import { ratioCase, type BenchCase, type BenchSuite } from './harness';
import { pythonPeerCase } from './peer/python-peer';

const T = 100_000;
const rng = createRng(1);
const x = Float64Array.from(
  { length: T },
  (_, t) => (Math.floor(t / 500) % 2 ? 0.04 : 0.01) * rng.normal(),
);
const obs = toObservations(x);

function model(K: number): GaussianHmm {
  const transition = Array.from({ length: K }, (_, i) =>
    Array.from({ length: K }, (_, j) => (i === j ? 0.9 : 0.1 / (K - 1))),
  );
  return createGaussianHmm({
    initial: new Array<number>(K).fill(1 / K),
    transition,
    means: Array.from({ length: K }, (_, k) => 0.001 * k),
    variances: Array.from({ length: K }, (_, k) => (0.01 * (k + 1)) ** 2),
  });
}

function cases(K: number): BenchCase[] {
  const m = model(K);
  const ws = createWorkspace(T, K);
  const floor = new Float64Array([1e-10]);
  return [
    {
      name: `Baum-Welch iteration, T = 100,000, K = ${K}`,
      runs: 15,
      items: { count: T, unit: 'obs' },
      ...(K === 3 ? { goal: '< 10 ms' } : {}),
      // The fit's iteration: the fused univariate E-step, then the M-step.
      run: () => {
        eStep(m, obs, ws);
        maximize(m, obs, ws.alpha, ws.xi, floor);
      },
    },
    {
      name: `Viterbi, T = 100,000, K = ${K}`,
      runs: 15,
      items: { count: T, unit: 'obs' },
      run: () => void hmmViterbi(m, x),
    },
  ];
}

// The bundled simulated BTC daily closes (2016-2025): the regime-study notebook's series.
const datasetsDir = process.env.VOLLAB_DATA_DIR ?? resolve(import.meta.dirname, '../../datasets');
const btc = { returns: new Float64Array(0) as Float64Array, peerDir: '' };
// Filled in setup; the peer serialises its input only when it runs.
const peerInput = { returns: [] as number[], llfPath: '' };

async function loadBtcReturns(): Promise<void> {
  await ensureBundledDatasets(datasetsDir);
  const rows = await queryRows(
    `SELECT close FROM read_parquet('${join(datasetsDir, 'source=simulated/kind=ohlcv_daily/**/*.parquet')}',
       hive_partitioning = true) WHERE currency = 'BTC' ORDER BY date`,
  );
  btc.returns = logReturns(Float64Array.from(rows, (r) => Number(r.close)));
  btc.peerDir = await mkdtemp(join(tmpdir(), 'vollab-bench-regime-'));
  peerInput.returns = Array.from(btc.returns);
  peerInput.llfPath = join(btc.peerDir, 'llf');
}

const fitBtc = () => fitGaussianHmm(btc.returns, { states: 3, restarts: 10, seed: 1 });
const OURS = 'fitGaussianHmm, BTC daily returns, K = 3, 10 seeded restarts';
const PEER = 'statsmodels MarkovRegression, same returns, k_regimes = 3, search_reps = 10';

// statsmodels' own restart scheme: search_reps random starts of search_iter = 5 EM steps each, then the
// best is refined by EM and BFGS. It seeds its search from numpy's global generator.
const peerScript = `
import warnings
import numpy as np
import statsmodels.api as sm
x = np.asarray(INPUT['returns'])
def work():
    np.random.seed(1)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        model = sm.tsa.MarkovRegression(x, k_regimes=3, trend='c', switching_variance=True)
        fit = model.fit(search_reps=10, disp=False)
    with open(INPUT['llfPath'], 'w') as f:
        f.write(repr(float(fit.llf)))
`;

const ourLogLikelihood = { value: NaN };

const btcCases: BenchCase[] = [
  { name: OURS, runs: 7, goal: '< 250 ms', run: () => void fitBtc() },
  {
    name: 'fitGaussianHmm log-likelihood, same fit',
    runs: 1,
    warmup: false,
    run: () => {
      ourLogLikelihood.value = fitBtc().logLikelihood;
      return { value: ourLogLikelihood.value, unit: 'log-likelihood' };
    },
  },
  pythonPeerCase({
    name: PEER,
    modules: ['statsmodels', 'numpy'],
    script: peerScript,
    input: peerInput,
    runs: 1,
  }),
  {
    name: 'statsmodels MarkovRegression log-likelihood, same fit',
    runs: 1,
    warmup: false,
    run: async () => {
      const value = Number(await readFile(peerInput.llfPath, 'utf8').catch(() => 'NaN'));
      return {
        value,
        unit: Number.isNaN(value) ? 'log-likelihood (the peer did not run)' : 'log-likelihood',
      };
    },
  },
  {
    // Four significant digits hide the gap between two log-likelihoods near 7,700; this shows it.
    name: 'log-likelihood, fitGaussianHmm minus statsmodels',
    runs: 1,
    warmup: false,
    run: async () => {
      const text = await readFile(peerInput.llfPath, 'utf8').catch(() => 'NaN');
      return { value: ourLogLikelihood.value - Number(text), unit: 'nats (> 0: ours is higher)' };
    },
  },
  ratioCase('fitGaussianHmm vs statsmodels MarkovRegression', OURS, PEER, '> 50×'),
  {
    // The regime notebook's BIC/AIC cell: every K from 2 to 5 (the K = 4 and 5 kernels are the generated ones).
    name: 'selectStates, BTC daily returns, K = 2..5, 2 seeded restarts each',
    runs: 5,
    run: () => void selectStates(btc.returns, { range: [2, 5], seed: 1, restarts: 2 }),
  },
];

export const suite: BenchSuite = {
  name: 'regime',
  setup: loadBtcReturns,
  teardown: async () => {
    if (btc.peerDir) await rm(btc.peerDir, { recursive: true, force: true });
  },
  cases: [...btcCases, ...cases(2), ...cases(3), ...cases(5)],
};
