/**
 * The messages between the compute pool and its workers. A task has an id; the worker answers with any number
 * of `progress` messages and then exactly one `done` or `error`. `abort` asks the worker to abort a task's
 * signal; a worker that does not answer in time is terminated by the pool.
 */

export type ToWorker =
  { type: 'run'; id: number; task: string; args: unknown[] } | { type: 'abort'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; fraction: number | null; label?: string }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'error'; id: number; error: SerializedError };

export interface SerializedError {
  name: string;
  message: string;
}

/** The plain form of an error, for postMessage. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error || error instanceof DOMException)
    return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

const constructors: Record<string, new (message: string) => Error> = {
  RangeError,
  TypeError,
  SyntaxError,
  ReferenceError,
};

/** Rebuild an error sent by a worker: an `AbortError` is a DOMException, as `signal.throwIfAborted` throws. */
export function deserializeError({ name, message }: SerializedError): Error {
  if (name === 'AbortError') return new DOMException(message, 'AbortError');
  const Ctor = constructors[name] ?? Error;
  const error = new Ctor(message);
  if (!(name in constructors)) error.name = name;
  return error;
}

/** An AbortError carrying `message` (what a cancelled task rejects with). */
export function abortError(message = 'cancelled'): DOMException {
  return new DOMException(message, 'AbortError');
}

/**
 * The distinct ArrayBuffers behind the typed arrays in a value (searched through arrays and plain objects),
 * to transfer rather than copy. Only for values the sender gives away.
 *
 * @example
 * postMessage(msg, transferables(msg.value));
 */
export function transferables(
  value: unknown,
  out = new Set<ArrayBuffer>(),
  depth = 0,
): ArrayBuffer[] {
  if (depth > 6 || value === null || typeof value !== 'object') return [...out];
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
  } else if (value instanceof ArrayBuffer) {
    out.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) transferables(item, out, depth + 1);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value)) transferables(item, out, depth + 1);
  }
  return [...out];
}
