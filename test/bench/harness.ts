/**
 * The benchmark contract. Each `test/bench/**\/*.bench.ts` exports `suite: BenchSuite`.
 * A case's `run` is timed over several runs (after a warm-up) and the median is reported;
 * a case may instead return its own figure (e.g. a latency measured inside a browser).
 */
export interface BenchFigure {
  value: number;
  unit: string;
}

export interface BenchCase {
  name: string;
  /** Runs to take the median over (default 5). */
  runs?: number;
  /** Work items per run, to report a rate (e.g. cells, inversions, rows). */
  items?: { count: number; unit: string };
  /** Goal, shown beside the figure, e.g. "< 20 ms". */
  goal?: string;
  /** Run once untimed first (default true); off for cases that warm themselves, like a peer process. */
  warmup?: boolean;
  /** Why this case cannot run here (e.g. a peer library not installed); printed instead of a figure. */
  skip?: string;
  /** Time this, or return a figure of its own. */
  // `void` in the union lets a plain `() => { work(); }` be a case.
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type
  run: () => void | BenchFigure | Promise<void | BenchFigure>;
}

export interface BenchSuite {
  name: string;
  setup?: () => void | Promise<void>;
  teardown?: () => void | Promise<void>;
  cases: BenchCase[];
}

/**
 * Each measured case's median (ms, or its own figure's value), by case name, so a later case in the
 * same run can report a ratio against an earlier one (see `ratioCase`).
 */
export const measuredMedians = new Map<string, number>();

/**
 * A case reporting how many times faster `ours` ran than `peer` in this same run: peer median / ours median.
 * @example ratioCase('vs scikit-learn', 'isolation forest fit+score', 'scikit-learn IsolationForest')
 */
export function ratioCase(name: string, ours: string, peer: string, goal?: string): BenchCase {
  return {
    name,
    runs: 1,
    ...(goal ? { goal } : {}),
    run: () => {
      const oursMs = measuredMedians.get(ours);
      const peerMs = measuredMedians.get(peer);
      if (oursMs === undefined || peerMs === undefined)
        return { value: NaN, unit: '× (a side did not run)' };
      return { value: peerMs / oursMs, unit: '× faster than the peer' };
    },
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function formatDuration(ms: number): string {
  if (ms < 1e-3) return `${(ms * 1e6).toFixed(0)} ns`;
  if (ms < 1) return `${(ms * 1e3).toFixed(1)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatRate(perSecond: number, unit: string): string {
  const scales: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [scale, prefix] of scales) {
    if (perSecond >= scale) return `${(perSecond / scale).toFixed(2)} ${prefix}${unit}/s`;
  }
  return `${perSecond.toFixed(1)} ${unit}/s`;
}
