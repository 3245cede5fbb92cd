/**
 * Nelder–Mead simplex minimisation (Lagarias et al. 1998 coefficients: reflect 1, expand 2, contract ½, shrink ½)
 * for small, derivative-free problems such as SVI's outer search over (m, σ).
 *
 * @example
 * nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x; // → [1, -2]
 */
export interface NelderMeadOptions {
  /** Initial step per coordinate (default 10% of |x0|, or 0.05 when x0 is 0). */
  step?: number | readonly number[];
  maxIterations?: number;
  /** Stop when the spread of simplex values is below this (absolute). */
  tolF?: number;
  /** Stop when the simplex diameter is below this. */
  tolX?: number;
}

export interface NelderMeadResult {
  x: Float64Array;
  f: number;
  iterations: number;
}

const value = (v: number): number => (Number.isNaN(v) ? Infinity : v);

/**
 * Stable insertion sort of the vertex indices by value: the same order as `Array.prototype.sort` (also stable)
 * without its per-call allocations; the simplex is nearly sorted from one iteration to the next.
 */
function sortByValue(order: number[], vals: Float64Array): void {
  for (let i = 1; i < order.length; i++) {
    const o = order[i]!;
    const v = vals[o]!;
    let j = i - 1;
    while (j >= 0 && vals[order[j]!]! > v) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = o;
  }
}

/** to ← from, element by element: `TypedArray.prototype.set` costs more than the copy for a handful of elements. */
function copy(to: Float64Array, from: Float64Array): void {
  for (let j = 0; j < to.length; j++) to[j] = from[j]!;
}

export function nelderMead(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  { step, maxIterations = 400, tolF = 1e-14, tolX = 1e-9 }: NelderMeadOptions = {},
): NelderMeadResult {
  const n = x0.length;
  const pts: Float64Array[] = [];
  const vals = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const p = Float64Array.from(x0);
    if (i > 0) {
      const j = i - 1;
      const s =
        typeof step === 'number'
          ? step
          : step
            ? step[j]!
            : x0[j]! !== 0
              ? 0.1 * Math.abs(x0[j]!)
              : 0.05;
      p[j]! += s;
    }
    pts.push(p);
    vals[i] = value(f(p));
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const xr = new Float64Array(n);
  const xe = new Float64Array(n);
  const xc = new Float64Array(n);
  let it = 0;
  for (; it < maxIterations; it++) {
    sortByValue(order, vals);
    const best = order[0]!;
    const worst = order[n]!;
    let diameter = 0;
    for (let i = 1; i <= n; i++) {
      for (let j = 0; j < n; j++)
        diameter = Math.max(diameter, Math.abs(pts[order[i]!]![j]! - pts[best]![j]!));
    }
    if (vals[worst]! - vals[best]! <= tolF && diameter <= tolX) break;
    if (diameter <= tolX * 1e-3) break;
    centroid.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += pts[order[i]!]![j]! / n;
    const pw = pts[worst]!;
    for (let j = 0; j < n; j++) xr[j] = centroid[j]! + (centroid[j]! - pw[j]!);
    const fr = value(f(xr));
    if (fr < vals[best]!) {
      for (let j = 0; j < n; j++) xe[j] = centroid[j]! + 2 * (centroid[j]! - pw[j]!);
      const fe = value(f(xe));
      if (fe < fr) {
        copy(pw, xe);
        vals[worst] = fe;
      } else {
        copy(pw, xr);
        vals[worst] = fr;
      }
      continue;
    }
    if (fr < vals[order[n - 1]!]!) {
      copy(pw, xr);
      vals[worst] = fr;
      continue;
    }
    const outside = fr < vals[worst]!;
    for (let j = 0; j < n; j++) {
      xc[j] = outside
        ? centroid[j]! + 0.5 * (xr[j]! - centroid[j]!)
        : centroid[j]! + 0.5 * (pw[j]! - centroid[j]!);
    }
    const fc = value(f(xc));
    if (fc < (outside ? fr : vals[worst]!)) {
      copy(pw, xc);
      vals[worst] = fc;
      continue;
    }
    const pb = pts[best]!;
    for (let i = 1; i <= n; i++) {
      const p = pts[order[i]!]!;
      for (let j = 0; j < n; j++) p[j] = pb[j]! + 0.5 * (p[j]! - pb[j]!);
      vals[order[i]!] = value(f(p));
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (vals[i]! < vals[best]!) best = i;
  return { x: Float64Array.from(pts[best]!), f: vals[best]!, iterations: it };
}
