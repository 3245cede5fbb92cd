/**
 * Running async work one at a time, in order of arrival: per key (one queue per file, say) or for everything
 * (one queue for a whole store). A failed task does not stop the ones queued after it.
 */

/** Runs `fn` after every task queued before it under the same key has settled. */
export type KeyedQueue = <T>(key: string, fn: () => Promise<T>) => Promise<T>;

/** Runs `fn` after every task queued before it has settled. */
export type SerialQueue = <T>(fn: () => Promise<T>) => Promise<T>;

/**
 * A queue per key; a key's entry is dropped when its last task settles, so the map stays small.
 *
 * @example
 * const perFile = createKeyedQueue();
 * await Promise.all([perFile('a.parquet', mergeA), perFile('a.parquet', mergeB)]); // mergeB starts after mergeA
 */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(fn, fn);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

/**
 * One queue for everything.
 *
 * @example
 * const serialize = createSerialQueue();
 * await serialize(async () => check(await read()) && write()); // no other task runs between read and write
 */
export function createSerialQueue(): SerialQueue {
  const queue = createKeyedQueue();
  return (fn) => queue('', fn);
}
