import type { LaneBuffers, LaneKernel } from './dtw-lanes';

const LANES = 4;

/**
 * The JS lane kernel: 4 pairs per step on one in-place row (before cell j is written, row[j] still holds the
 * previous row's value, "up"; "diag" is carried in a local). Four lanes, not eight: more live doubles than
 * x64 has registers makes V8 spill. Used where WebAssembly SIMD is missing.
 *
 * @example
 * const kernel = jsLaneKernel();
 */
export function jsLaneKernel(): LaneKernel {
  let buffers: LaneBuffers = {
    a: new Float64Array(0),
    b: new Float64Array(0),
    row: new Float64Array(0),
  };
  return {
    engine: 'js',
    lanes: LANES,
    reserve(longest) {
      if (buffers.a.length < longest)
        buffers = {
          a: new Float64Array(longest),
          b: new Float64Array(LANES * longest),
          row: new Float64Array(LANES * (longest + 1)),
        };
      return buffers;
    },
    run(n, m, w, squared) {
      const { a, b, row } = buffers;
      row.fill(Infinity, 0, LANES * (m + 1));
      row.fill(0, 0, LANES);
      if (squared) bandSquared(a, b, row, n, m, w);
      else bandAbsolute(a, b, row, n, m, w);
    },
  };
}

function bandSquared(
  a: Float64Array,
  b: Float64Array,
  row: Float64Array,
  n: number,
  m: number,
  w: number,
) {
  for (let i = 1; i <= n; i++) {
    const jStart = i - w > 1 ? i - w : 1;
    const jEnd = i + w < m ? i + w : m;
    const ai = a[i - 1]!;
    let p = LANES * (jStart - 1);
    let diag0 = row[p]!;
    let diag1 = row[p + 1]!;
    let diag2 = row[p + 2]!;
    let diag3 = row[p + 3]!;
    row[p] = row[p + 1] = row[p + 2] = row[p + 3] = Infinity;
    let left0 = Infinity;
    let left1 = Infinity;
    let left2 = Infinity;
    let left3 = Infinity;
    for (let j = jStart; j <= jEnd; j++) {
      const q = p; // b[(j − 1) × LANES]
      p += LANES;
      let up = row[p]!;
      let x = ai - b[q]!;
      let best = diag0 < up ? diag0 : up;
      left0 = x * x + (left0 < best ? left0 : best);
      row[p] = left0;
      diag0 = up;
      up = row[p + 1]!;
      x = ai - b[q + 1]!;
      best = diag1 < up ? diag1 : up;
      left1 = x * x + (left1 < best ? left1 : best);
      row[p + 1] = left1;
      diag1 = up;
      up = row[p + 2]!;
      x = ai - b[q + 2]!;
      best = diag2 < up ? diag2 : up;
      left2 = x * x + (left2 < best ? left2 : best);
      row[p + 2] = left2;
      diag2 = up;
      up = row[p + 3]!;
      x = ai - b[q + 3]!;
      best = diag3 < up ? diag3 : up;
      left3 = x * x + (left3 < best ? left3 : best);
      row[p + 3] = left3;
      diag3 = up;
    }
  }
}

/** The same DP with |a − b| as the local cost (kept apart so the squared loop stays branch-free). */
function bandAbsolute(
  a: Float64Array,
  b: Float64Array,
  row: Float64Array,
  n: number,
  m: number,
  w: number,
) {
  for (let i = 1; i <= n; i++) {
    const jStart = i - w > 1 ? i - w : 1;
    const jEnd = i + w < m ? i + w : m;
    const ai = a[i - 1]!;
    let p = LANES * (jStart - 1);
    const diag = [row[p]!, row[p + 1]!, row[p + 2]!, row[p + 3]!];
    const left = [Infinity, Infinity, Infinity, Infinity];
    row[p] = row[p + 1] = row[p + 2] = row[p + 3] = Infinity;
    for (let j = jStart; j <= jEnd; j++) {
      const q = p;
      p += LANES;
      for (let lane = 0; lane < LANES; lane++) {
        const up = row[p + lane]!;
        const x = ai - b[q + lane]!;
        const best = diag[lane]! < up ? diag[lane]! : up;
        const l = left[lane]!;
        left[lane] = (x < 0 ? -x : x) + (l < best ? l : best);
        row[p + lane] = left[lane]!;
        diag[lane] = up;
      }
    }
  }
}
