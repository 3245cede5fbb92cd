/**
 * A history of the 25Δ risk reversal from stored option-chain snapshots (the `option_chain` dataset: one
 * snapshot a day), for backtesting `rr25` rules: per snapshot, the expiry nearest `tenorDays`, the mark IV of
 * the 25Δ call minus that of the 25Δ put (vol points), each read off the chain's own deltas by linear
 * interpolation between the two nearest listed strikes. The live metric reads the same quantity off the SVI fit,
 * so the two agree up to the fit's smoothing. `alignAsOf` carries the daily values onto an hourly grid.
 */

/** One option row of a chain snapshot (times in ms; Dates and bigints are read as numbers). */
export interface ChainRow {
  timestamp: number | bigint | Date;
  expiry: number | bigint | Date;
  option_type: string;
  delta: number | null;
  mark_iv: number | null;
}

const DAY_MS = 86_400_000;
const ms = (v: number | bigint | Date) => (v instanceof Date ? v.getTime() : Number(v));

/** IV at `target` delta by linear interpolation over (delta, iv) points; NaN when `target` is not bracketed. */
function ivAtDelta(points: [number, number][], target: number): number {
  points.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < points.length; i++) {
    const [d0, v0] = points[i - 1]!;
    const [d1, v1] = points[i]!;
    if (d0 <= target && target <= d1)
      return d1 === d0 ? v0 : v0 + ((target - d0) / (d1 - d0)) * (v1 - v0);
  }
  return NaN;
}

/**
 * @example
 * // One snapshot, one 30-day expiry: calls at Δ 0.3 / 0.2 (IV 50 / 54), puts at Δ −0.2 / −0.3 (IV 60 / 56).
 * const day = 86_400_000;
 * const row = (option_type, delta, mark_iv) => ({ timestamp: 0, expiry: 30 * day, option_type, delta, mark_iv });
 * const chain = [row('call', 0.3, 50), row('call', 0.2, 54), row('put', -0.2, 60), row('put', -0.3, 56)];
 * rr25History(chain, 30).rr25; // → [-6]
 */
export function rr25History(
  rows: Iterable<ChainRow>,
  tenorDays = 30,
): { t: Float64Array; rr25: Float64Array } {
  const snapshots = new Map<
    number,
    Map<number, { calls: [number, number][]; puts: [number, number][] }>
  >();
  for (const r of rows) {
    if (
      r.delta === null ||
      r.mark_iv === null ||
      !Number.isFinite(r.delta) ||
      !Number.isFinite(r.mark_iv)
    )
      continue;
    const t = ms(r.timestamp);
    const expiry = ms(r.expiry);
    if (!(expiry > t)) continue;
    const byExpiry = snapshots.get(t) ?? new Map();
    snapshots.set(t, byExpiry);
    const slot = byExpiry.get(expiry) ?? { calls: [], puts: [] };
    byExpiry.set(expiry, slot);
    (r.option_type.startsWith('c') ? slot.calls : slot.puts).push([r.delta, r.mark_iv]);
  }
  const times = [...snapshots.keys()].sort((a, b) => a - b);
  const rr25 = new Float64Array(times.length);
  times.forEach((t, i) => {
    let best: { calls: [number, number][]; puts: [number, number][] } | null = null;
    let gap = Infinity;
    for (const [expiry, slot] of snapshots.get(t)!) {
      const g = Math.abs((expiry - t) / DAY_MS - tenorDays);
      if (g < gap) [gap, best] = [g, slot];
    }
    rr25[i] = best ? ivAtDelta(best.calls, 0.25) - ivAtDelta(best.puts, -0.25) : NaN;
  });
  return { t: Float64Array.from(times), rr25 };
}

/**
 * The value in force at each of `t` (the latest at or before it, no older than `maxAgeMs`), else NaN.
 *
 * @example
 * alignAsOf([0, 5, 10], Float64Array.of(1, 9), Float64Array.of(10, 20), 5); // → [NaN, 10, 20]
 */
export function alignAsOf(
  t: ArrayLike<number>,
  fromT: ArrayLike<number>,
  values: ArrayLike<number>,
  maxAgeMs = Infinity,
): Float64Array {
  const out = new Float64Array(t.length).fill(NaN);
  let j = -1;
  for (let i = 0; i < t.length; i++) {
    while (j + 1 < fromT.length && fromT[j + 1]! <= t[i]!) j++;
    if (j >= 0 && t[i]! - fromT[j]! <= maxAgeMs) out[i] = values[j]!;
  }
  return out;
}
