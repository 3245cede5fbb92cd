/**
 * The values of a sliding window kept sorted, for rolling medians and MADs: insert and remove
 * are a binary search and a shift, O(w); median O(1); MAD O(w) by merging the deviations on each
 * side of the median, which are already sorted.
 */
export interface SortedWindow {
  insert(x: number): void;
  remove(x: number): void;
  median(): number;
  /** Unscaled median absolute deviation around `center`. */
  mad(center: number): number;
  readonly size: number;
}

export function sortedWindow(capacity: number): SortedWindow {
  const buf = new Float64Array(Math.max(1, capacity));
  let m = 0;
  const lowerBound = (x: number): number => {
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (buf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    get size() {
      return m;
    },
    insert(x) {
      const i = lowerBound(x);
      buf.copyWithin(i + 1, i, m);
      buf[i] = x;
      m++;
    },
    remove(x) {
      const i = lowerBound(x);
      if (i >= m || buf[i] !== x) throw new RangeError(`value not in window: ${x}`);
      buf.copyWithin(i, i + 1, m);
      m--;
    },
    median() {
      if (m === 0) return NaN;
      const h = m >> 1;
      return m % 2 ? buf[h]! : (buf[h - 1]! + buf[h]!) / 2;
    },
    mad(center) {
      if (m === 0) return NaN;
      let right = lowerBound(center);
      let left = right - 1;
      const lo = (m - 1) >> 1;
      const hi = m >> 1;
      let a = NaN;
      for (let k = 0; k <= hi; k++) {
        const dl = left >= 0 ? center - buf[left]! : Infinity;
        const dr = right < m ? buf[right]! - center : Infinity;
        let d: number;
        if (dl <= dr) {
          d = dl;
          left--;
        } else {
          d = dr;
          right++;
        }
        if (k === lo) a = d;
        if (k === hi) return (a + d) / 2;
      }
      return NaN;
    },
  };
}
