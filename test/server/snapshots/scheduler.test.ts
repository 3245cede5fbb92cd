import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIntervals, parseKinds } from '../../../server/snapshots/kinds';
import { startSnapshotScheduler } from '../../../server/snapshots/scheduler';
import { startTestExchange, type TestExchange } from '../sources/exchange-fixture';

let ex: TestExchange;
let dir: string;
beforeAll(async () => {
  ex = await startTestExchange({ tradeRate: 20 });
  dir = await mkdtemp(join(tmpdir(), 'vollab-sched-'));
});
afterAll(async () => {
  await ex?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('snapshot scheduler', () => {
  it('runs each configured kind on its interval, one run at a time, and stops', async () => {
    const runs: string[] = [];
    const scheduler = startSnapshotScheduler(
      {
        datasetsDir: dir,
        source: 'simulated',
        snapshotIntervals: { trades: 0.05, chain: 0.05 },
        snapshotCurrencies: ['BTC'],
        deribitUrl: ex.url,
      },
      {
        initialDelayMs: 0,
        now: () => ex.clock.t,
        log: () => {},
        onRun: (kind, r) => runs.push(`${kind}:${r instanceof Error ? r.message : 'ok'}`),
      },
    );
    ex.run(5_000);
    const t0 = Date.now();
    while (runs.length < 4 && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 10));
    scheduler.stop();
    await scheduler.idle();
    const settled = runs.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(runs.length).toBe(settled);
    expect(new Set(runs)).toEqual(new Set(['trades:ok', 'chain:ok']));
    expect(scheduler.failures).toBe(0);
    const catalog = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8'));
    expect(catalog.datasets.map((d: { name: string }) => d.name)).toEqual([
      'chain_snapshots',
      'trades',
    ]);
  });
});

describe('snapshot kinds and intervals', () => {
  it('parses --what and VOLLAB_SNAPSHOTS', () => {
    expect(parseKinds('trades, chain,trades')).toEqual(['trades', 'chain']);
    expect(parseKinds('all')).toEqual(['chain', 'trades', 'ohlcv', 'dvol', 'polymarket']);
    expect(() => parseKinds('trades,quotes')).toThrow('invalid kind: quotes');
    expect(parseIntervals(undefined)).toEqual({});
    expect(parseIntervals('off')).toEqual({});
    expect(parseIntervals('dvol=3600, trades=30')).toEqual({ dvol: 3600, trades: 30 });
    expect(parseIntervals('on').trades).toBe(60);
    expect(() => parseIntervals('trades=abc')).toThrow('invalid interval for trades: abc');
  });
});
