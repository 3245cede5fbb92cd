export type DtwCost = 'squared' | 'absolute';

export interface DtwOptions {
  /**
   * Sakoe–Chiba band half-width: a count of cells (integer ≥ 0), or a fraction of the longer length when
   * 0 < window < 1 (rounded up). Widened to |n − m| so the end stays reachable. Default: no band.
   */
  window?: number;
  /**
   * Local cost: 'squared' (default) sums (aᵢ − bⱼ)² along the path and returns the square root, as
   * dtaidistance and tslearn do; 'absolute' sums |aᵢ − bⱼ| and returns the sum.
   */
  cost?: DtwCost;
  /** Early abandoning: return Infinity as soon as the distance must exceed this. */
  cutoff?: number;
}

/** Band half-width in cells for lengths n and m. */
export function bandWidth(n: number, m: number, window: number | undefined): number {
  const longest = Math.max(n, m);
  if (window === undefined) return longest;
  if (!(window >= 0)) throw new RangeError(`invalid window: ${window}`);
  const w = window > 0 && window < 1 ? Math.ceil(window * longest) : Math.floor(window);
  return Math.min(longest, Math.max(w, Math.abs(n - m)));
}

/**
 * Dynamic time warping distance with a Sakoe–Chiba band, two rolling rows, and optional early abandoning.
 *
 * @example
 * dtw([0, 1, 2], [0, 1, 1, 2]); // → 0
 * dtw([0, 1, 2], [5, 5, 5], { window: 0.1, cutoff: 1 }); // → Infinity: it cannot beat the cutoff
 */
export function dtw(a: ArrayLike<number>, b: ArrayLike<number>, options: DtwOptions = {}): number {
  const { cost = 'squared', cutoff = Infinity } = options;
  if (a.length === 0 || b.length === 0) throw new RangeError('invalid series: empty');
  if (cost !== 'squared' && cost !== 'absolute')
    throw new RangeError(`invalid cost: ${String(cost)}`);
  const w = bandWidth(a.length, b.length, options.window);
  const fa = a instanceof Float64Array ? a : Float64Array.from(a);
  const fb = b instanceof Float64Array ? b : Float64Array.from(b);
  const prev = new Float64Array(fb.length + 1);
  const cur = new Float64Array(fb.length + 1);
  const squared = cost === 'squared';
  const limit = squared ? cutoff * cutoff : cutoff;
  const total = dtwBand(fa, 0, fa.length, fb, 0, fb.length, w, squared, limit, prev, cur);
  return squared ? Math.sqrt(total) : total;
}

/**
 * The DP on a[aOff … aOff+n) × b[bOff … bOff+m), band half-width w; `prev`/`cur` have length ≥ m + 1.
 * Returns the accumulated cost (not square-rooted), or Infinity once a whole row exceeds `limit`.
 */
export function dtwBand(
  a: Float64Array,
  aOff: number,
  n: number,
  b: Float64Array,
  bOff: number,
  m: number,
  w: number,
  squared: boolean,
  limit: number,
  prev: Float64Array,
  cur: Float64Array,
): number {
  prev.fill(Infinity, 0, m + 1);
  cur.fill(Infinity, 0, m + 1);
  prev[0] = 0;
  const abandon = limit < Infinity;
  for (let i = 1; i <= n; i++) {
    const jStart = i - w > 1 ? i - w : 1;
    const jEnd = i + w < m ? i + w : m;
    const ai = a[aOff + i - 1]!;
    let left = Infinity;
    cur[jStart - 1] = Infinity;
    let rowMin = Infinity;
    for (let j = jStart; j <= jEnd; j++) {
      const d = ai - b[bOff + j - 1]!;
      const diag = prev[j - 1]!;
      const up = prev[j]!;
      let best = diag < up ? diag : up;
      if (left < best) best = left;
      left = (squared ? d * d : d < 0 ? -d : d) + best;
      cur[j] = left;
      if (left < rowMin) rowMin = left;
    }
    if (abandon && rowMin > limit) return Infinity;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}
