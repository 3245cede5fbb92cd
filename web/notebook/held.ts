/**
 * The value of a cell that was held instead of run (an export's precomputed cells: their output is already on
 * the page). Reading any property of it gives it back, so the outputs a held JS cell declares are held too and
 * a dependent can tell, by identity, that an input was never computed in this page.
 */
const target = Object.freeze(Object.create(null) as object);

export const HELD: object = new Proxy(target, {
  // Symbols (iterators, toPrimitive) and `then` stay undefined: a held value is no iterable and no promise.
  get: (_target, key) => (typeof key === 'symbol' || key === 'then' ? undefined : HELD),
});

/**
 * @example
 * isHeld(HELD.fit); // true
 */
export function isHeld(value: unknown): boolean {
  return value === HELD;
}
