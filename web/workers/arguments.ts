/**
 * Task arguments in a form `postMessage` can clone: Arrow vectors become their typed arrays, functions and
 * abort signals are dropped (the pool passes its own), and typed-array views over a larger buffer are
 * copied (a clone would copy the whole buffer).
 */

const MAX_DEPTH = 8;

/**
 * @example
 * plainArgument({ window: 25, signal, onProgress }); // { window: 25 }
 * plainArgument(table.getChild('close')); // Float64Array
 */
export function plainArgument(value: unknown, depth = 0): unknown {
  if (typeof value === 'function' || value instanceof AbortSignal) return undefined;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (ArrayBuffer.isView(value)) {
    const view = value as Uint8Array;
    return view.byteLength === view.buffer.byteLength ? view : view.slice();
  }
  if (value instanceof ArrayBuffer) return value;
  if (Array.isArray(value)) return value.map((item) => plainArgument(item, depth + 1));
  const toArray = (value as { toArray?: unknown }).toArray;
  if (typeof toArray === 'function') return plainArgument(toArray.call(value), depth + 1);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value; // Date, Map, …: cloned as they are
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const plain = plainArgument(item, depth + 1);
    if (plain !== undefined) out[key] = plain;
  }
  return out;
}
