import { describe, expect, it } from 'vitest';
import { dtwMatrix, packSeries, rowOffset } from '../../../cells/cluster';
import { createRng } from '../../../cells/random';
import { dtwRowsTask } from '../../../web/workers/task-dtw';

const rng = createRng(3);
const series = Array.from({ length: 40 }, () =>
  Float64Array.from({ length: 150 }, () => rng.normal()),
);
const packed = packSeries(series);

function context(onYield: (count: number, controller: AbortController) => void = () => undefined) {
  const controller = new AbortController();
  const progress: number[] = [];
  let yields = 0;
  return {
    progress,
    controller,
    context: {
      signal: controller.signal,
      progress: (f: number | null) => progress.push(f!),
      yield: async () => {
        onYield(++yields, controller);
        controller.signal.throwIfAborted();
      },
    },
  };
}

describe('cluster.dtwMatrixRows task', () => {
  it('computes its rows of the condensed matrix in time slices, reporting progress after each', async () => {
    const { context: c, progress } = context();
    const out = await dtwRowsTask([packed, 5, 30, { sliceMs: 0 }], c);
    const full = dtwMatrix(series);
    expect(Array.from(out)).toEqual(Array.from(full.subarray(rowOffset(40, 5), rowOffset(40, 30))));
    expect(progress).toHaveLength(25); // one slice per row
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f > progress[i - 1]!)).toBe(true);
  });

  it('stops at the first yield after an abort', async () => {
    const { context: c, progress } = context((count, controller) => {
      if (count === 1) controller.abort(new DOMException('cancelled', 'AbortError'));
    });
    await expect(dtwRowsTask([packed, 0, 40, { sliceMs: 0 }], c)).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(progress).toHaveLength(1);
    expect(progress[0]).toBeLessThan(1);
  });

  it('validates its row range', async () => {
    const { context: c } = context();
    await expect(dtwRowsTask([packed, 3, 41, {}], c)).rejects.toThrow('invalid rows: [3, 41)');
  });
});
