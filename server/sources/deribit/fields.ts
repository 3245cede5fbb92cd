/**
 * Tolerant field readers for exchange JSON: a missing, null or mistyped field reads as null (or a default),
 * unknown extra fields are ignored. Numbers sent as strings are accepted.
 */
export type Json = Record<string, unknown>;

/** The value as an object, or throw: the only hard requirement of a record. */
export function asObject(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError(`invalid ${what}: expected an object`);
  return value as Json;
}

export function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`invalid ${what}: expected an array`);
  return value;
}

/** A finite number, or null. */
export function num(o: Json, key: string): number | null {
  const v = o[key];
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A number that must be present (NaN when it is not, so a bad row is visible rather than dropped). */
export function req(o: Json, key: string): number {
  return num(o, key) ?? NaN;
}

export function str(o: Json, key: string): string | null {
  const v = o[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return null;
}

export function bool(o: Json, key: string): boolean | null {
  const v = o[key];
  return typeof v === 'boolean' ? v : null;
}

/** `[[price, amount], …]` levels; malformed entries are skipped. */
export function levels(value: unknown): [number, number][] {
  if (!Array.isArray(value)) return [];
  const out: [number, number][] = [];
  for (const level of value) {
    if (!Array.isArray(level)) continue;
    const price = Number(level[level.length - 2]);
    const amount = Number(level[level.length - 1]);
    if (Number.isFinite(price) && Number.isFinite(amount)) out.push([price, amount]);
  }
  return out;
}

/** A numeric array as a Float64Array (null and non-numbers become NaN). */
export function floats(value: unknown): Float64Array {
  if (!Array.isArray(value)) return new Float64Array(0);
  const out = new Float64Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    out[i] = typeof v === 'number' ? v : v == null ? NaN : Number(v);
  }
  return out;
}
