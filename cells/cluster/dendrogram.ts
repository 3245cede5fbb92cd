export interface DendrogramLayout {
  /** Items in left-to-right order (scipy's `dendrogram(Z)['leaves']`). */
  leaves: Int32Array;
  /** x of every node: leaves at 0, 1, 2, … in leaf order, merges at the midpoint of their children. */
  x: Float64Array;
  /** y of every node: 0 for leaves, the merge distance otherwise. */
  y: Float64Array;
  /**
   * One ∩ per linkage row, as four points: x = [xl, xl, xr, xr], y = [yl, d, d, yr] (row-major (n − 1) × 4),
   * scipy's icoord/dcoord with leaf spacing 1 instead of 10 and offset 0 instead of 5.
   */
  segmentsX: Float64Array;
  segmentsY: Float64Array;
}

/** Leaf order of a linkage matrix: depth-first, left child (column 0) first. */
export function dendrogramLeaves(linkageMatrix: Float64Array): Int32Array {
  const n = linkageMatrix.length / 4 + 1;
  const leaves = new Int32Array(n);
  let count = 0;
  const stack = [2 * n - 2];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node < n) {
      leaves[count++] = node;
    } else {
      const row = node - n;
      stack.push(linkageMatrix[4 * row + 1]!, linkageMatrix[4 * row]!);
    }
  }
  return leaves;
}

/**
 * Coordinates to draw a dendrogram with plain line marks.
 *
 * @example
 * const d = Float64Array.of(1, 4, 5, 3, 4, 2); // condensed distances of 4 items
 * const { segmentsX, segmentsY } = dendrogram(vol.cluster.linkage(d, 'average'));
 * // for each row r: polyline through (segmentsX[4r + i], segmentsY[4r + i]), i = 0 … 3
 */
export function dendrogram(linkageMatrix: Float64Array): DendrogramLayout {
  const n = linkageMatrix.length / 4 + 1;
  if (!Number.isInteger(n) || n < 2)
    throw new RangeError(`invalid linkage length: ${linkageMatrix.length}`);
  const leaves = dendrogramLeaves(linkageMatrix);
  const x = new Float64Array(2 * n - 1);
  const y = new Float64Array(2 * n - 1);
  for (let i = 0; i < n; i++) x[leaves[i]!] = i;
  const segmentsX = new Float64Array((n - 1) * 4);
  const segmentsY = new Float64Array((n - 1) * 4);
  for (let row = 0; row < n - 1; row++) {
    const left = linkageMatrix[4 * row]!;
    const right = linkageMatrix[4 * row + 1]!;
    const height = linkageMatrix[4 * row + 2]!;
    x[n + row] = (x[left]! + x[right]!) / 2;
    y[n + row] = height;
    segmentsX.set([x[left]!, x[left]!, x[right]!, x[right]!], 4 * row);
    segmentsY.set([y[left]!, height, height, y[right]!], 4 * row);
  }
  return { leaves, x, y, segmentsX, segmentsY };
}
