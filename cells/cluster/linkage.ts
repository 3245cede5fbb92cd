import { itemsFromCondensed, rowOffset } from './condensed';

export const linkageMethods = ['single', 'complete', 'average', 'ward'] as const;
export type LinkageMethod = (typeof linkageMethods)[number];

/**
 * Agglomerative clustering on a condensed distance matrix by the nearest-neighbour chain algorithm
 * (Murtagh 1983; Müllner 2011) with Lance–Williams updates, O(n²) time. Returns scipy's linkage matrix,
 * row-major (n − 1) × 4: [a, b, distance, size] with a < b, clusters ≥ n being earlier rows (n + row).
 * Ward expects Euclidean distances and merges by the increase in within-cluster variance, as scipy's.
 *
 * @example
 * const pdist = Float64Array.of(1, 4, 5, 3, 4, 2); // d(0,1), d(0,2), d(0,3), d(1,2), d(1,3), d(2,3)
 * const z = linkage(pdist, 'average');
 * vol.cluster.fcluster(z, 2); // two flat clusters
 */
export function linkage(
  distances: ArrayLike<number>,
  method: LinkageMethod = 'average',
): Float64Array {
  if (!linkageMethods.includes(method)) throw new RangeError(`invalid method: ${String(method)}`);
  const n = itemsFromCondensed(distances.length);
  for (let i = 0; i < distances.length; i++) {
    if (!(distances[i]! >= 0)) throw new RangeError(`invalid distance at ${i}: ${distances[i]}`);
  }
  const d = Float64Array.from(distances);
  const size = new Float64Array(n).fill(1);
  const chain = new Int32Array(n);
  let chainLength = 0;
  const merges: { x: number; y: number; dist: number; size: number }[] = [];
  for (let k = 0; k < n - 1; k++) {
    if (chainLength === 0) {
      let first = 0;
      while (size[first] === 0) first++;
      chain[chainLength++] = first;
    }
    let x: number;
    let y: number;
    let best: number;
    for (;;) {
      x = chain[chainLength - 1]!;
      if (chainLength > 1) {
        y = chain[chainLength - 2]!;
        best = d[at(n, x, y)]!;
      } else {
        y = -1;
        best = Infinity;
      }
      for (let i = 0; i < n; i++) {
        if (size[i] === 0 || i === x) continue;
        const dist = d[at(n, x, i)]!;
        if (dist < best) {
          best = dist;
          y = i;
        }
      }
      if (chainLength > 1 && y === chain[chainLength - 2]) break;
      chain[chainLength++] = y;
    }
    chainLength -= 2;
    if (x > y) [x, y] = [y, x];
    const nx = size[x]!;
    const ny = size[y]!;
    merges.push({ x, y, dist: best, size: nx + ny });
    size[x] = 0;
    size[y] = nx + ny;
    for (let i = 0; i < n; i++) {
      const ni = size[i]!;
      if (ni === 0 || i === y) continue;
      const iy = at(n, i, y);
      d[iy] = update(method, d[at(n, i, x)]!, d[iy]!, best, nx, ny, ni);
    }
  }
  merges.sort((a, b) => a.dist - b.dist); // stable, as scipy's mergesort
  return label(merges, n);
}

/** Condensed position of (i, j), i ≠ j, unchecked: the chain's inner loop. */
function at(n: number, i: number, j: number): number {
  return i < j ? rowOffset(n, i) + j - i - 1 : rowOffset(n, j) + i - j - 1;
}

/** Lance–Williams distance from cluster i to the union of x and y (scipy's `_hierarchy_distance_update`). */
function update(
  method: LinkageMethod,
  dxi: number,
  dyi: number,
  dxy: number,
  nx: number,
  ny: number,
  ni: number,
): number {
  switch (method) {
    case 'single':
      return dxi < dyi ? dxi : dyi;
    case 'complete':
      return dxi > dyi ? dxi : dyi;
    case 'average':
      return (nx * dxi + ny * dyi) / (nx + ny);
    case 'ward': {
      const t = 1 / (nx + ny + ni);
      return Math.sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy);
    }
  }
}

/** Relabel merges (given by representative items) with scipy's cluster ids via union–find. */
function label(merges: { x: number; y: number; dist: number }[], n: number): Float64Array {
  const parent = Int32Array.from({ length: 2 * n - 1 }, (_, i) => i);
  const size = new Float64Array(2 * n - 1).fill(1);
  const find = (v: number): number => {
    let root = v;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[v] !== root) {
      const next = parent[v]!;
      parent[v] = root;
      v = next;
    }
    return root;
  };
  const z = new Float64Array((n - 1) * 4);
  for (let k = 0; k < merges.length; k++) {
    const a = find(merges[k]!.x);
    const b = find(merges[k]!.y);
    const next = n + k;
    parent[a] = next;
    parent[b] = next;
    size[next] = size[a]! + size[b]!;
    z[4 * k] = Math.min(a, b);
    z[4 * k + 1] = Math.max(a, b);
    z[4 * k + 2] = merges[k]!.dist;
    z[4 * k + 3] = size[next]!;
  }
  return z;
}
