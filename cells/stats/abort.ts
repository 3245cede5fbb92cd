/** Options of every long computation in cells/: cancellation and progress. */
export interface LongRunning {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** Throws the signal's reason (an AbortError) when it has been aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
  }
}
