/**
 * The ATM term structure as it was 1 hour and 1 day ago, kept in the browser from the `surface.*` stream
 * (the sidecar serves only the current surface): one sample per `everyMs` of exchange time, at most `keepMs`
 * back. A panel opened a minute ago has no hour-old curve yet, and says so.
 */

export interface TermSample {
  asOf: number;
  days: number[];
  atm_iv: number[];
}

export class TermHistory {
  private readonly samples: TermSample[] = [];

  constructor(
    private readonly everyMs = 30_000,
    private readonly keepMs = 25 * 3_600_000,
  ) {}

  /**
   * Record a curve (ignored if within `everyMs` of the last kept one, or older than it).
   *
   * @example
   * history.add({ asOf: surface.asOf, ...surface.term_structure });
   */
  add(sample: TermSample): void {
    const last = this.samples.at(-1);
    if (last && sample.asOf < last.asOf + this.everyMs) return;
    this.samples.push(sample);
    const cutoff = sample.asOf - this.keepMs;
    while (this.samples.length > 0 && this.samples[0]!.asOf < cutoff) this.samples.shift();
  }

  /**
   * The newest sample at least `agoMs` older than `now`, or null when history does not reach that far.
   *
   * @example
   * history.at(surface.asOf, 3_600_000); // the curve an hour ago
   */
  at(now: number, agoMs: number): TermSample | null {
    const target = now - agoMs;
    let found: TermSample | null = null;
    for (const s of this.samples) {
      if (s.asOf > target) break;
      found = s;
    }
    return found;
  }

  /** Exchange time of the oldest sample kept (null when empty). */
  since(): number | null {
    return this.samples[0]?.asOf ?? null;
  }

  get size(): number {
    return this.samples.length;
  }
}
