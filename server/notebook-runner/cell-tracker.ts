/**
 * Follows every runnable cell of a headless run through the runtime's observer calls until each has settled
 * once (a value or an error), and times each cell by its own work: from when its inputs were ready to its
 * value, not from when the runtime first marked it pending.
 */
import type { CompiledCell } from '../../web/notebook/compiled';
import type { CellObserver } from '../../web/notebook/define';

export type CellStatus = 'ok' | 'error' | 'timeout';

interface Track {
  cell: CompiledCell;
  pendingAt: number;
  settledAt: number | null;
  value?: unknown;
  error?: unknown;
}

export class CellTracker {
  private readonly tracks = new Map<string, Track>();
  private readonly producer = new Map<string, string>();
  private wake: (() => void) | null = null;

  /** The observer for one cell (what `NotebookSession`'s `observer` option returns). */
  observe(cell: CompiledCell): CellObserver {
    const track: Track = { cell, pendingAt: performance.now(), settledAt: null };
    this.tracks.set(cell.id, track);
    for (const name of cell.outputs) this.producer.set(name, cell.id);
    const settle = (outcome: { value?: unknown; error?: unknown }): void => {
      if (track.settledAt !== null) return;
      track.settledAt = performance.now();
      Object.assign(track, outcome);
      this.wake?.();
    };
    return {
      pending: () => {
        if (track.settledAt === null) track.pendingAt = performance.now();
      },
      fulfilled: (value) => settle({ value }),
      rejected: (error) => settle({ error }),
    };
  }

  /** Resolves when every cell has settled, or when `timeoutMs` has passed (false then). */
  async settled(timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while ([...this.tracks.values()].some((t) => t.settledAt === null)) {
      const left = deadline - performance.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
    return true;
  }

  /** Each cell's outcome, in notebook order as observed. */
  outcomes(): {
    cell: CompiledCell;
    status: CellStatus;
    ms: number;
    value?: unknown;
    error?: unknown;
  }[] {
    return [...this.tracks.values()].map((track) => {
      if (track.settledAt === null)
        return { cell: track.cell, status: 'timeout' as const, ms: NaN };
      const ready = Math.max(
        track.pendingAt,
        ...track.cell.inputs.map((name) => this.settledAt(name)),
      );
      const ms = Math.max(0, track.settledAt - Math.min(ready, track.settledAt));
      const status = 'error' in track ? ('error' as const) : ('ok' as const);
      return { cell: track.cell, status, ms, value: track.value, error: track.error };
    });
  }

  private settledAt(name: string): number {
    const id = this.producer.get(name);
    return (id && this.tracks.get(id)?.settledAt) || 0;
  }
}
