/**
 * Bending a simulated log-price path through historical price anchors: within each segment between two
 * anchors a constant drift is added per step so the path hits both (a deterministic drift correction; the
 * shocks, and so every volatility statistic, are unchanged).
 */

/**
 * Corrects `logReturns` (per step, in place) so that the cumulative log price, starting at `logP0Index`,
 * passes through each anchor `[stepIndex, logPrice]` (step index = number of steps before the anchor).
 * Returns the log price before step 0 that makes the first anchor hold.
 *
 * @example
 * const r = Float64Array.from([0.1, 0.1]);
 * bendThroughAnchors(r, [[0, 0], [2, 0]]); // r becomes [0, 0], returns 0
 */
export function bendThroughAnchors(
  logReturns: Float64Array,
  anchors: readonly (readonly [number, number])[],
): number {
  if (anchors.length === 0) throw new RangeError('invalid anchors: empty');
  for (let k = 0; k < anchors.length; k++) {
    const [idx] = anchors[k]!;
    if (!(idx >= 0 && idx <= logReturns.length) || (k > 0 && idx <= anchors[k - 1]![0]))
      throw new RangeError(`invalid anchor index: ${idx}`);
  }
  for (let k = 0; k + 1 < anchors.length; k++) {
    const [a, pa] = anchors[k]!;
    const [b, pb] = anchors[k + 1]!;
    let simulated = 0;
    for (let i = a; i < b; i++) simulated += logReturns[i]!;
    const add = (pb - pa - simulated) / (b - a);
    for (let i = a; i < b; i++) logReturns[i] = logReturns[i]! + add;
  }
  const [first, p0] = anchors[0]!;
  let before = 0;
  for (let i = 0; i < first; i++) before += logReturns[i]!;
  return p0 - before;
}
