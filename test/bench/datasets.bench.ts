/**
 * Bundled dataset generation: the whole run (goal < 20 s on the 2-core machine) and its parts, each on the
 * same default-seed history.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateBundledDatasets,
  DEFAULT_SEED,
  HISTORY_END,
  HISTORY_START,
  RECENT_START,
} from '../../server/datasets/generate';
import type { TableContext } from '../../server/datasets/tables/context';
import { writeDvol } from '../../server/datasets/tables/dvol';
import { writeOhlcv } from '../../server/datasets/tables/ohlcv';
import { buildChain, writeOptionChain } from '../../server/datasets/tables/option-chain';
import { writeRegimes } from '../../server/datasets/tables/regimes';
import { simulateHistory } from '../../server/simulator/history';
import type { BenchSuite } from './harness';

let dir = '';
let ctx: TableContext;
const history = () => simulateHistory(HISTORY_START / 1000, HISTORY_END / 1000, DEFAULT_SEED);

export const suite: BenchSuite = {
  name: 'datasets',
  async setup() {
    dir = await mkdtemp(join(tmpdir(), 'vollab-bench-datasets-'));
    ctx = {
      root: join(dir, 'parts'),
      history: history(),
      seed: DEFAULT_SEED,
      recentStart: RECENT_START,
    };
  },
  async teardown() {
    await rm(dir, { recursive: true, force: true });
  },
  cases: [
    {
      name: 'full generation (7 datasets + catalog)',
      runs: 1,
      goal: '< 20 s',
      run: async () => {
        await generateBundledDatasets({ datasetsDir: join(dir, 'full') });
      },
    },
    {
      name: 'simulate 2016–2025 hourly, 22 coins',
      runs: 3,
      items: { count: 87_672 * 22, unit: 'coin-hours' },
      run: () => {
        history();
      },
    },
    { name: 'ohlcv_daily + ohlcv_hourly', runs: 3, run: () => writeOhlcv(ctx) },
    { name: 'dvol_daily + dvol_hourly', runs: 3, run: () => writeDvol(ctx) },
    { name: 'regime_labels + jump_events', runs: 3, run: () => writeRegimes(ctx) },
    {
      name: 'option_chain build, BTC (JS only)',
      runs: 3,
      items: { count: 510_000, unit: 'options' },
      run: () => {
        buildChain(ctx, 0);
      },
    },
    { name: 'option_chain build + write, BTC and ETH', runs: 1, run: () => writeOptionChain(ctx) },
  ],
};
