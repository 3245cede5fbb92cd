/**
 * Cancellation is the one host facility cells/ uses, and it needs only this much of it: a structural subset of
 * the DOM/Node `AbortSignal`, so callers pass their own signal while cells/ stays free of DOM and Node types.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** Options of every long computation in cells/: cancellation and progress. */
export interface LongRunning {
  signal?: CancelSignal;
  onProgress?: (fraction: number) => void;
}

/**
 * Throws the signal's reason (an AbortError) when it has been aborted.
 *
 * @example
 * const controller = new AbortController();
 * controller.abort();
 * let name = "";
 * try {
 *   throwIfAborted(controller.signal);
 * } catch (error) {
 *   name = error.name;
 * }
 * name; // → "AbortError"
 */
export function throwIfAborted(signal: CancelSignal | undefined): void {
  if (signal?.aborted) {
    throw (
      signal.reason ??
      Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' })
    );
  }
}
