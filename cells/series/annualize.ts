/**
 * Scales a per-period volatility to a yearly one: σ · √periodsPerYear. Crypto trades every day,
 * so the default is 365 (not 252).
 *
 * @example
 * annualize(0.03); // → 0.5732: 0.03 · √365
 * annualize(Float64Array.of(0.005, 0.01), 365 * 24); // hourly vols to yearly
 */
export function annualize(vol: number, periodsPerYear?: number): number;
export function annualize(vol: Float64Array, periodsPerYear?: number): Float64Array;
export function annualize(vol: number | Float64Array, periodsPerYear = 365): number | Float64Array {
  if (!(periodsPerYear > 0)) throw new RangeError(`invalid periodsPerYear: ${periodsPerYear}`);
  const f = Math.sqrt(periodsPerYear);
  if (typeof vol === 'number') return vol * f;
  const out = new Float64Array(vol.length);
  for (let i = 0; i < vol.length; i++) out[i] = vol[i]! * f;
  return out;
}
