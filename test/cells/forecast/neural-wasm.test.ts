import { describe, expect, it } from 'vitest';
import { fitNeural, neuralFromJSON } from '../../../cells/forecast';
import { trainableBackend } from './tf-setup';

const { tf, backend } = await trainableBackend('wasm');
const series = Float64Array.from(
  { length: 120 },
  (_, i) => Math.sin(i / 4) + 0.05 * Math.cos(i * 1.7),
);

describe('fitNeural on the wasm backend', () => {
  it('trains recurrent layers on wasm (no cpu fallback needed in tfjs 4.22)', () => {
    expect(backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });

  it.each(['lstm', 'gru'] as const)('reduces the loss of a %s and round-trips it', async (kind) => {
    const fit = await fitNeural(tf, series, {
      kind,
      lookback: 6,
      units: 4,
      epochs: 4,
      batchSize: 16,
      seed: 2,
    });
    expect(fit.lossHistory[3]).toBeLessThan(fit.lossHistory[0]! * 0.7);
    const again = await neuralFromJSON(tf, await fit.toJSON());
    expect(Array.from(again.forecastFrom(series, 2))).toEqual(
      Array.from(fit.forecastFrom(series, 2)),
    );
    fit.dispose();
    again.dispose();
  });
});
