/**
 * The portfolio on a 500-position BTC book: 450 options (12 expiries from 1 day to a year, calls and puts
 * across ±3 standard deviations, long and short) and 50 futures and perpetual fills, on a skewed smile.
 * Re-marking (P&L and Greeks of every position, then totals by currency, expiry and strike), the 21 × 21 × 3
 * scenario grid, historical VaR over 2,000 seeded fat-tailed days, and fills into the state database: many
 * clients in flight (group commit), one client's bursts (a batch per transaction), and one client awaiting each.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { black76Price, formatInstrument } from '../../cells/options';
import {
  bookTotals,
  historicalVar,
  markPosition,
  positionsFromFills,
  riskBook,
  scenarioGrid,
  type Fill,
  type Mark,
  type Position,
  type Smile,
} from '../../cells/portfolio';
import { createRng } from '../../cells/random';
import { openFillStore, type FillStore } from '../../server/portfolio/store';
import { openStateDb, type StateDb } from '../../server/state/db';
import type { BenchSuite } from './harness';

const NOW = Date.UTC(2026, 0, 1, 8);
const DAY = 86_400_000;
const EXPIRY_DAYS = [1, 2, 3, 7, 14, 21, 30, 60, 90, 180, 270, 365];
const S = 100_000;
const smile: Smile = (k) => 0.45 - 0.08 * k + 0.25 * k * k;

const rng = createRng(2026);
const fills: Fill[] = [];
const marks = new Map<string, Mark>();
for (let i = 0; marks.size < 450; i++) {
  const days = EXPIRY_DAYS[i % EXPIRY_DAYS.length]!;
  const expiryMs = NOW + days * DAY;
  const T = days / 365;
  const F = S * (1 + 0.0001 * days);
  const z = -3 + 6 * rng.next();
  const strike = Math.round((F * Math.exp(z * 0.45 * Math.sqrt(T))) / 100) * 100;
  const type = rng.next() < 0.5 ? 'call' : 'put';
  const name = formatInstrument({
    kind: 'option',
    base: 'BTC',
    quote: null,
    expiryMs,
    strike,
    optionType: type,
  });
  if (marks.has(name)) continue;
  const iv = smile(Math.log(strike / F));
  const price = black76Price(F, strike, T, iv, type) / F;
  fills.push({
    instrument_name: name,
    direction: rng.next() < 0.5 ? 'buy' : 'sell',
    amount: 1 + rng.int(20),
    price: Math.max(price, 0.0001),
    timestamp: 0,
  });
  marks.set(name, {
    price: price * (1 + 0.1 * (rng.next() - 0.5)),
    index: S,
    underlying: F,
    iv: iv * 100,
    timestamp: NOW,
  });
}
// 49 futures a week apart, and the perpetual.
for (let i = 0; i < 50; i++) {
  const name =
    i === 0
      ? 'BTC-PERPETUAL'
      : formatInstrument({ kind: 'future', base: 'BTC', quote: null, expiryMs: NOW + i * 7 * DAY });
  const mark = S * (1 + 0.0005 * i);
  fills.push({
    instrument_name: name,
    direction: i % 3 === 0 ? 'sell' : 'buy',
    amount: 10_000 * (1 + rng.int(10)),
    price: mark * (0.95 + 0.1 * rng.next()),
    timestamp: i,
  });
  marks.set(name, { price: mark, index: S, timestamp: NOW });
}
const positions: Position[] = positionsFromFills(fills);
const smiles = new Map<number, Smile>();
for (const p of positions)
  if (p.instrument.kind === 'option') smiles.set(p.instrument.expiryMs, smile);
const markAll = () => positions.map((p) => markPosition(p, marks.get(p.instrument_name)!, NOW));
const marked = markAll();
const book = riskBook(marked, 'BTC', NOW, smiles);
const returns = Float64Array.from({ length: 2000 }, () => (0.035 * rng.studentT(4)) / Math.SQRT2);
const volChanges = Float64Array.from(returns, (r) => -1.5 * r + 0.01 * rng.normal());

let dir = '';
let db: StateDb | null = null;
let store: FillStore | null = null;
let sequence = 0;
/** A fresh perpetual buy with a client id never used before in this run. */
const nextFill = () => ({
  instrument_name: 'BTC-PERPETUAL',
  direction: 'buy' as const,
  amount: 10,
  price: S,
  fee: 0,
  timestamp: NOW,
  client_id: `bench-${sequence++}`,
});

export const suite: BenchSuite = {
  name: 'portfolio',
  async setup() {
    dir = await mkdtemp(join(tmpdir(), 'vollab-bench-portfolio-'));
    db = await openStateDb(join(dir, 'vollab.duckdb'));
    store = await openFillStore(db);
  },
  async teardown() {
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  },
  cases: [
    {
      name: `re-mark ${positions.length} positions with Greeks, then totals`,
      goal: '< 1 ms',
      runs: 41,
      run: () => {
        bookTotals(markAll());
      },
    },
    {
      name: `scenario grid 21 × 21 × 3 on ${positions.length} positions (book layout included)`,
      goal: '< 50 ms',
      runs: 11,
      run: () => {
        scenarioGrid(riskBook(marked, 'BTC', NOW, smiles));
      },
    },
    {
      name: `historical VaR, 2,000 days × ${positions.length} positions, full revaluation`,
      goal: '< 100 ms',
      runs: 11,
      run: () => {
        historicalVar([book], [returns]);
      },
    },
    {
      name: `historical VaR with the day's IV change, 2,000 days × ${positions.length} positions`,
      goal: '< 100 ms',
      runs: 11,
      run: () => {
        historicalVar([book], [returns], 0.99, [volChanges]);
      },
    },
    {
      name: '1,000 fills stored by 10 clients in flight (group commit, idempotency check included)',
      goal: '≥ 1,000 fills/s',
      items: { count: 1000, unit: 'fills' },
      runs: 3,
      run: async () => {
        const client = async () => {
          for (let i = 0; i < 100; i++) await store!.add(nextFill());
        };
        await Promise.all(Array.from({ length: 10 }, client));
      },
    },
    {
      name: '1,000 fills from one client in bursts of 50 (POST /trades/batch: one transaction per burst)',
      goal: '≥ 1,000 fills/s',
      items: { count: 1000, unit: 'fills' },
      runs: 3,
      run: async () => {
        for (let burst = 0; burst < 20; burst++)
          await store!.addMany(Array.from({ length: 50 }, nextFill));
      },
    },
    {
      // No goal: a client that waits for each acknowledgement before sending the next pays one COMMIT (one WAL
      // fsync) per fill, whatever the store does; this is that floor, for reference.
      name: '1,000 fills one after another, each awaited (one COMMIT and fsync each: the floor)',
      items: { count: 1000, unit: 'fills' },
      runs: 3,
      run: async () => {
        for (let i = 0; i < 1000; i++) await store!.add(nextFill());
      },
    },
  ],
};
