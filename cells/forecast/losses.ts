/**
 * Forecast losses, elementwise and averaged. QLIKE is Patton's (2011) robust variance loss
 * L(σ², h) = σ²/h − log(σ²/h) − 1 (σ² realized, h forecast): zero at h = σ², and it ranks variance
 * forecasts consistently even when σ² is a noisy proxy.
 *
 * @example
 * const realizedVariance = Float64Array.of(1e-4, 4e-4);
 * meanLoss('mse', realizedVariance, Float64Array.of(1e-4, 2e-4)); // → 2e-8
 * meanLoss('qlike', realizedVariance, realizedVariance); // → 0: a perfect forecast
 */
export const lossNames = ['mse', 'mae', 'qlike'] as const;
export type LossName = (typeof lossNames)[number];

/** Per-period losses of `forecast` against `realized` (same length). */
export function lossSeries(
  loss: LossName,
  realized: ArrayLike<number>,
  forecast: ArrayLike<number>,
): Float64Array {
  if (!lossNames.includes(loss)) throw new RangeError(`invalid loss: ${String(loss)}`);
  const n = realized.length;
  if (forecast.length !== n) throw new RangeError(`length mismatch: ${n} and ${forecast.length}`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = realized[i]!;
    const f = forecast[i]!;
    if (loss === 'mse') out[i] = (y - f) ** 2;
    else if (loss === 'mae') out[i] = Math.abs(y - f);
    else {
      if (!(f > 0) || !(y >= 0)) throw new RangeError(`invalid qlike pair at ${i}: ${y}, ${f}`);
      const ratio = y / f;
      // With ratio = 0 (a zero realized variance) the log term is infinite: QLIKE needs y > 0.
      out[i] = ratio - Math.log(ratio) - 1;
    }
  }
  return out;
}

/** Mean of `lossSeries`. */
export function meanLoss(
  loss: LossName,
  realized: ArrayLike<number>,
  forecast: ArrayLike<number>,
): number {
  const l = lossSeries(loss, realized, forecast);
  let s = 0;
  for (let i = 0; i < l.length; i++) s += l[i]!;
  return s / l.length;
}
