import { dendrogramLeaves } from './dendrogram';

/**
 * Cut a linkage matrix into k flat clusters by undoing its last k − 1 merges (scipy's
 * `fcluster(Z, k, 'maxclust')` for linkages without tied heights). Labels are 0 … k−1, numbered in
 * dendrogram leaf order, which is scipy's labelling minus one.
 *
 * @example
 * const d = Float64Array.of(1, 4, 5, 3, 4, 2); // condensed distances of 4 items
 * fcluster(vol.cluster.linkage(d, 'ward'), 2); // Int32Array of cluster labels per item
 */
export function fcluster(linkageMatrix: Float64Array, k: number): Int32Array {
  const n = linkageMatrix.length / 4 + 1;
  if (!Number.isInteger(n) || n < 2)
    throw new RangeError(`invalid linkage length: ${linkageMatrix.length}`);
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`invalid k: ${k}`);
  const parent = Int32Array.from({ length: 2 * n - 1 }, (_, i) => i);
  const find = (v: number): number => {
    while (parent[v] !== v) v = parent[v] = parent[parent[v]!]!;
    return v;
  };
  for (let row = 0; row < n - k; row++) {
    const next = n + row;
    parent[find(linkageMatrix[4 * row]!)] = next;
    parent[find(linkageMatrix[4 * row + 1]!)] = next;
  }
  const labels = new Int32Array(n);
  const byRoot = new Map<number, number>();
  for (const leaf of dendrogramLeaves(linkageMatrix)) {
    const root = find(leaf);
    if (!byRoot.has(root)) byRoot.set(root, byRoot.size);
    labels[leaf] = byRoot.get(root)!;
  }
  return labels;
}
