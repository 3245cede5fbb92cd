/**
 * Which order books are worth recomputing on a tick: those a subscription watches, and those someone asked
 * for (REST `get_order_book`, `ticker`) within the last `idleMs` of market time. Everything else would cost a
 * recomputation every 100 ms forever (1,420 distinct books took an idle sidecar from 2% to 35% of a core).
 */
export interface BookInterest {
  /** Someone asked for `name` at market time `t`. */
  asked(name: string, t: number): void;
  /** Watch `name` until the returned release is called (`now` stamps the release as a last ask). */
  watch(name: string, now: () => number): () => void;
  /** Whether `name` went unwatched and unasked for longer than `idleMs` at `t`; forgets it if so. */
  idle(name: string, t: number): boolean;
}

/**
 * @example
 * const interest = createBookInterest(30_000);
 * interest.asked('BTC-PERPETUAL', t);
 * interest.idle('BTC-PERPETUAL', t + 31_000); // true
 */
export function createBookInterest(idleMs: number): BookInterest {
  const books = new Map<string, { askedAt: number; watchers: number }>();
  return {
    asked(name, t) {
      const seen = books.get(name);
      if (seen) seen.askedAt = t;
      else books.set(name, { askedAt: t, watchers: 0 });
    },
    watch(name, now) {
      const seen = books.get(name) ?? { askedAt: now(), watchers: 0 };
      books.set(name, seen);
      seen.watchers++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        seen.watchers--;
        seen.askedAt = now();
      };
    },
    idle(name, t) {
      const seen = books.get(name);
      if (!seen) return true;
      if (seen.watchers > 0 || t - seen.askedAt <= idleMs) return false;
      books.delete(name);
      return true;
    },
  };
}
