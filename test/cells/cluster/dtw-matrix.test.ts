import { describe, expect, it } from 'vitest';
import {
  condensedIndex,
  condensedLength,
  dtw,
  dtwMatrix,
  dtwMatrixRows,
  itemsFromCondensed,
  packSeries,
  rowOffset,
  splitRows,
  squareForm,
} from '../../../cells/cluster';
import { createRng } from '../../../cells/random';

const rng = createRng(21);
const series = Array.from({ length: 9 }, (_, i) =>
  Float64Array.from({ length: 20 + (i % 3) }, () => rng.normal()),
);

describe('condensed layout', () => {
  it("follows scipy's pdist order", () => {
    expect(condensedLength(4)).toBe(6);
    const order = [
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ];
    order.forEach(([i, j], k) => {
      expect(condensedIndex(4, i!, j!)).toBe(k);
      expect(condensedIndex(4, j!, i!)).toBe(k);
    });
    expect(itemsFromCondensed(6)).toBe(4);
    expect(Array.from(squareForm([1, 2, 3]))).toEqual([0, 1, 2, 1, 0, 3, 2, 3, 0]);
  });
});

describe('dtwMatrix', () => {
  it('holds dtw(i, j) at condensedIndex(n, i, j), unequal lengths included', () => {
    const d = dtwMatrix(series, { window: 0.2 });
    for (let i = 0; i < series.length; i++) {
      for (let j = i + 1; j < series.length; j++) {
        expect(d[condensedIndex(series.length, i, j)]).toBeCloseTo(
          dtw(series[i]!, series[j]!, { window: 0.2 }),
          12,
        );
      }
    }
    const abs = dtwMatrix(series, { cost: 'absolute' });
    expect(abs[0]).toBeCloseTo(dtw(series[0]!, series[1]!, { cost: 'absolute' }), 12);
  });

  it('assembles the same matrix from row ranges written into one shared buffer', () => {
    const full = dtwMatrix(series, { window: 3 });
    const shared = new Float64Array(new SharedArrayBuffer(8 * condensedLength(series.length)));
    for (const rows of splitRows(series.length, 3))
      dtwMatrix(series, { window: 3, rows, out: shared });
    expect(Array.from(shared)).toEqual(Array.from(full));
    // The worker kernel writes a slice of exactly its rows.
    const packed = packSeries(series);
    const slice = new Float64Array(rowOffset(9, 5) - rowOffset(9, 2));
    dtwMatrixRows(packed, 2, 5, slice, { window: 3 });
    expect(Array.from(slice)).toEqual(Array.from(full.subarray(rowOffset(9, 2), rowOffset(9, 5))));
  });

  it('splits rows into contiguous ranges of balanced work', () => {
    const ranges = splitRows(200, 2);
    expect(ranges[0]![0]).toBe(0);
    expect(ranges[1]).toEqual([ranges[0]![1], 200]);
    const first = rowOffset(200, ranges[0]![1]);
    expect(Math.abs(first - condensedLength(200) / 2)).toBeLessThan(200);
    expect(splitRows(5, 1)).toEqual([[0, 5]]);
  });

  it('reports progress up to 1 and stops on abort', () => {
    const seen: number[] = [];
    dtwMatrix(series, { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
    const controller = new AbortController();
    controller.abort();
    expect(() => dtwMatrix(series, { signal: controller.signal })).toThrow();
  });
});
