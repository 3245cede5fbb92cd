import { describe, expect, it } from 'vitest';
import { bandWidth, dtwMatrix, type DtwCost } from '../../../cells/cluster';
import { laneKernel } from '../../../cells/cluster/dtw-lanes';
import { createRng } from '../../../cells/random';

/** Textbook DTW: the full (n+1) × (m+1) table, cells outside |i − j| ≤ w left at +inf. */
function naiveDtw(a: Float64Array, b: Float64Array, w: number, cost: DtwCost): number {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  table[0]![0] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      if (Math.abs(i - j) > w) continue;
      const d = a[i - 1]! - b[j - 1]!;
      const local = cost === 'squared' ? d * d : Math.abs(d);
      table[i]![j] = local + Math.min(table[i - 1]![j - 1]!, table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  const total = table[n]![m]!;
  return cost === 'squared' ? Math.sqrt(total) : total;
}

function naiveMatrix(series: Float64Array[], window: number | undefined, cost: DtwCost): number[] {
  const out: number[] = [];
  for (let i = 0; i < series.length; i++)
    for (let j = i + 1; j < series.length; j++) {
      const w = bandWidth(series[i]!.length, series[j]!.length, window);
      out.push(naiveDtw(series[i]!, series[j]!, w, cost));
    }
  return out;
}

const rng = createRng(5);
const walk = (length: number) => {
  let v = 0;
  return Float64Array.from({ length }, () => (v += rng.normal()));
};
// 19 equal-length series fill two 8-lane groups and leave a remainder; the mixed set breaks groups anywhere.
const equal = Array.from({ length: 19 }, () => walk(40));
const mixed = [30, 30, 31, 30, 30, 30, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 40, 1, 30].map(walk);

describe.each(['wasm', 'js'] as const)('dtwMatrix on the %s lane kernel', (engine) => {
  it('runs the engine asked for', () => {
    expect(laneKernel(engine).engine).toBe(engine);
  });

  it('matches the textbook DP bit for bit: bands, costs, equal and mixed lengths', () => {
    for (const series of [equal, mixed])
      for (const window of [undefined, 0, 3, 0.1, 0.5])
        for (const cost of ['squared', 'absolute'] as const) {
          const got = dtwMatrix(series, { window, cost, engine });
          expect(Array.from(got)).toEqual(naiveMatrix(series, window, cost));
        }
  });

  it('gives hand-checked distances', () => {
    // [0,1,2] vs [0,1,1,2] warps exactly; vs [5,5,5]: 25 + 16 + 9; [0,1,1,2] vs [5,5,5] adds one 16.
    const d = dtwMatrix(
      [
        [0, 1, 2],
        [0, 1, 1, 2],
        [5, 5, 5],
      ],
      { engine },
    );
    expect(Array.from(d)).toEqual([0, Math.sqrt(50), Math.sqrt(66)]);
    const abs = dtwMatrix(
      [
        [0, 1, 2],
        [0, 1, 1, 2],
        [5, 5, 5],
      ],
      { engine, cost: 'absolute' },
    );
    expect(Array.from(abs)).toEqual([0, 12, 16]);
  });

  it('writes the same rows into a slice as into the whole matrix', () => {
    const full = dtwMatrix(equal, { window: 0.1, engine });
    const part = dtwMatrix(equal, { window: 0.1, engine, rows: [3, 11] });
    const from = (3 * (2 * 19 - 3 - 1)) / 2;
    const to = (11 * (2 * 19 - 11 - 1)) / 2;
    expect(Array.from(part.subarray(from, to))).toEqual(Array.from(full.subarray(from, to)));
  });
});

describe('laneKernel', () => {
  it('picks WebAssembly SIMD on auto where the runtime has it (Node 20 does)', () => {
    expect(laneKernel('auto').engine).toBe('wasm');
  });

  it('rejects an unknown engine', () => {
    expect(() => laneKernel('gpu' as 'js')).toThrow(/invalid engine: gpu/);
    expect(() => dtwMatrix(equal, { engine: 'gpu' as 'js' })).toThrow(/invalid engine/);
  });
});
