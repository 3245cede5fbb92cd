/** The scenario grid at one horizon as a heatmap: spot move across, vol shift up, P&L in USD as colour. */
import * as Plot from '@observablehq/plot';
import type { ScenarioGridWire } from '../../server/contract';

/** @example container.append(scenarioHeatmap(risk.grids[0], 0)); */
export function scenarioHeatmap(
  grid: ScenarioGridWire,
  horizon: number,
): SVGSVGElement | HTMLElement {
  const h = Math.max(0, grid.horizons.indexOf(horizon));
  const cells = grid.vol_shifts.flatMap((v, vi) =>
    grid.spot_shocks.map((s, si) => ({ spot: s * 100, vol: v, pnl: grid.pnl_usd[h]![vi]![si]! })),
  );
  return Plot.plot({
    width: 640,
    height: 420,
    x: { label: 'spot move (%)', tickFormat: (d: number) => d.toFixed(0) },
    y: { label: 'vol shift (points)', reverse: true, tickFormat: (d: number) => d.toFixed(0) },
    color: {
      type: 'diverging',
      scheme: 'RdYlGn',
      legend: true,
      label: `P&L USD (${grid.currency})`,
    },
    marks: [Plot.cell(cells, { x: 'spot', y: 'vol', fill: 'pnl', tip: true })],
  });
}
