/**
 * The headless `live` builtin: one value per generator, then done; the default source is the simulated market
 * at the end of the bundled data (its time read from final-state.json here); a run takes another source.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompactSurface } from '../../../server/contract/surface';
import { ensureBundledDatasets } from '../../../server/datasets/generate';
import { headlessLiveBuiltin, onceGenerator } from '../../../server/notebook-runner/live';
import { runNotebook } from '../../../server/notebook-runner/run';
import { simulatedLiveSource } from '../../../server/notebook-runner/simulated-live';

const datasetsDir =
  process.env.VOLLAB_DATA_DIR ?? resolve(import.meta.dirname, '../../../datasets');

beforeAll(() => ensureBundledDatasets(datasetsDir));

describe('onceGenerator', () => {
  it('yields the one value, then is done; return() before the first value ends it', async () => {
    const g = onceGenerator(() => Promise.resolve(7));
    const first = g.next();
    expect(first.done).toBe(false);
    expect(await first.value).toBe(7);
    expect(g.next().done).toBe(true);
    const h = onceGenerator(() => Promise.resolve(8));
    expect(h.return().done).toBe(true);
    expect(h.next().done).toBe(true);
  });
});

describe('the simulated live source', () => {
  it('gives the surface at the bundled data end, and channels of the same market', async () => {
    const finalState = JSON.parse(
      await readFile(join(datasetsDir, 'source=simulated', 'final-state.json'), 'utf8'),
    ) as { t: number };
    const live = headlessLiveBuiltin(simulatedLiveSource(datasetsDir));
    const s = (await live.surface('btc').next().value) as CompactSurface;
    expect(s.currency).toBe('BTC');
    expect(s.asOf).toBe(finalState.t * 1000);
    expect(s.stale).toBe(false);
    expect(s.expiries.length).toBeGreaterThan(5);
    expect(s.expiries.every((e) => e.expiry_ms > s.asOf)).toBe(true);
    expect(s.expiries.filter((e) => e.svi !== null).length).toBeGreaterThan(5);
    const index = (await live.channel('deribit_price_index.btc_usd').next().value) as {
      price: number;
      timestamp: number;
    };
    expect(index).toMatchObject({ price: s.index_price, timestamp: s.asOf });
    await expect(live.channel('nonsense.channel').next().value).rejects.toThrow(
      /publishes nothing on nonsense.channel/,
    );
    expect(() => live.surface('DOGE')).toThrow(/"BTC" or "ETH"/);
  });

  it('is what a headless run reads, unless the run is given another source', async () => {
    const text = '```js\nconst s = live.surface("ETH")\n```\n\n```js\nconst asOf = s.asOf\n```\n';
    const given = { asOf: 123 } as CompactSurface;
    const report = await runNotebook(
      { text, name: 'live.md' },
      {
        datasetsDir,
        modelsDir: datasetsDir,
        live: {
          surface: async (c) => ({ ...given, currency: c }),
          channel: async () => null,
        },
      },
    );
    expect(report.ok).toBe(true);
    expect(report.values.asOf).toBe(123);
  });
});
