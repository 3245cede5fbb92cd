/**
 * The live panel's heatmap, built in linkedom's document: one cell per fitted expiry and grid column, and an
 * x axis with a tick every 4th column of the one 25-column grid (not one per cell).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompactExpiry, CompactSurface } from '../../../server/contract';
import { installDom } from '../../../server/notebook-runner/dom';

const svi = { a: 0.01, b: 0.1, rho: -0.3, m: 0, sigma: 0.2 };
const expiry = (name: string, T: number, fitted = true) =>
  ({ expiry: name, T, forward: 100_000, svi: fitted ? svi : null }) as CompactExpiry;
const surface = {
  currency: 'BTC',
  asOf: 0,
  stale: false,
  index_price: 100_000,
  dvol: 50,
  term_structure: { days: [], atm_iv: [] },
  zero_gamma: null,
  expiries: [expiry('7JAN26', 0.02), expiry('30JAN26', 0.08), expiry('27MAR26', 0.24, false)],
} as CompactSurface;

let heatmapChart: typeof import('../../../web/live/views/surface-charts').heatmapChart;
beforeAll(async () => {
  installDom();
  ({ heatmapChart } = await import('../../../web/live/views/surface-charts'));
});

describe('heatmapChart', () => {
  it.each(['log-moneyness', 'strike'] as const)('on the %s axis', (axis) => {
    const chart = heatmapChart(surface, axis);
    const svg =
      chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg:last-of-type')!;
    expect(svg.querySelectorAll('[aria-label="cell"] rect')).toHaveLength(2 * 25);
    const ticks = [...svg.querySelectorAll('[aria-label="x-axis tick label"] text')].map(
      (t) => t.textContent,
    );
    expect(ticks).toEqual(
      axis === 'log-moneyness'
        ? ['-0.6', '-0.4', '-0.2', '0.0', '0.2', '0.4', '0.6']
        : ['50k', '67k', '83k', '100k', '117k', '133k', '150k'],
    );
  });
});
