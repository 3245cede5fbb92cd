/**
 * The book's value history as two small charts over time: the P&L in USD with its running peak, and the
 * drawdown below that peak (the area), from `GET /api/portfolio/history` (a point a minute). DOM at the edge:
 * the points are already computed on the server (`valueHistory` in cells/portfolio).
 */
import * as Plot from '@observablehq/plot';
import type { ValuePointWire } from '../../server/contract';

/**
 * @example
 * container.append(...historyPlots((await loadHistory()).points));
 */
export function historyPlots(points: readonly ValuePointWire[]): (SVGSVGElement | HTMLElement)[] {
  const rows = points.map((p) => ({ ...p, date: new Date(p.t), peak: p.pnl_usd + p.drawdown_usd }));
  const pnl = Plot.plot({
    width: 640,
    height: 200,
    x: { type: 'utc', label: null },
    y: { label: 'P&L (USD)', grid: true },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(rows, { x: 'date', y: 'peak', stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.lineY(rows, {
        x: 'date',
        y: 'pnl_usd',
        stroke: 'var(--vol-accent, steelblue)',
        tip: true,
      }),
    ],
  });
  const drawdown = Plot.plot({
    width: 640,
    height: 120,
    x: { type: 'utc', label: null },
    y: { label: 'drawdown (USD)', reverse: true, grid: true },
    marks: [
      Plot.areaY(rows, {
        x: 'date',
        y: 'drawdown_usd',
        fill: 'var(--vol-danger, crimson)',
        fillOpacity: 0.4,
      }),
      Plot.ruleY([0]),
    ],
  });
  return [pnl, drawdown];
}

/** The last step's return and the P&L change over the series, for the line above the charts. */
export function historySummary(points: readonly ValuePointWire[]): {
  lastReturn: number | null;
  changeUsd: number;
} {
  const last = points.at(-1);
  const first = points[0];
  return {
    lastReturn: last?.return ?? null,
    changeUsd: last && first ? last.pnl_usd - first.pnl_usd : 0,
  };
}
