/**
 * Wait for a promise at most `ms`, then reject with `message`: a connection attempt that hangs must not hold its
 * callers forever.
 *
 * @example
 * await withTimeout(upstream.connected, 5_000, 'upstream not connected');
 */
export function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    p.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
