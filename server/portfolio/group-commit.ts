/**
 * Group commit: requests that arrive while a transaction is in flight share the next one, so a burst from many
 * clients costs one COMMIT (one WAL fsync) per round instead of one per request, and each request is still
 * answered only once its transaction has committed. A round that fails is retried one request at a time, so
 * one bad request fails only itself, never the others it happened to share a round with.
 */

/** Commit a batch; results in the order of `items`. */
export type CommitBatch<I, O> = (items: readonly I[]) => Promise<O[]>;

/**
 * @example
 * const add = groupCommit((trades) => store.addMany(trades));
 * const [a, b] = await Promise.all([add([t1]), add([t2, t3])]); // one transaction when they arrive together
 */
export function groupCommit<I, O>(
  commit: CommitBatch<I, O>,
): (items: readonly I[]) => Promise<O[]> {
  interface Request {
    items: readonly I[];
    done: (results: O[]) => void;
    fail: (error: unknown) => void;
  }
  let waiting: Request[] = [];
  let flushing = false;

  const alone = async (r: Request) => {
    try {
      r.done(await commit(r.items));
    } catch (error) {
      r.fail(error);
    }
  };

  const flush = async () => {
    flushing = true;
    while (waiting.length > 0) {
      const round = waiting;
      waiting = [];
      if (round.length === 1) {
        await alone(round[0]!);
        continue;
      }
      let results: O[];
      try {
        results = await commit(round.flatMap((r) => r.items));
      } catch {
        for (const r of round) await alone(r);
        continue;
      }
      let at = 0;
      for (const r of round) {
        r.done(results.slice(at, at + r.items.length));
        at += r.items.length;
      }
    }
    flushing = false;
  };

  return (items) =>
    new Promise<O[]>((done, fail) => {
      waiting.push({ items, done, fail });
      if (!flushing) void flush();
    });
}
