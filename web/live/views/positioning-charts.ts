/**
 * Open interest and dealer gamma exposure by strike, from the full surface (`GET
 * /api/volatility/surface/latest`: the `surface.*` channel is kept compact and carries neither).
 */
import * as Plot from '@observablehq/plot';
import type { SurfaceState } from '../../../server/contract';

const base = { width: 560, height: 240, style: { background: 'transparent' } };

/** Call and put open interest summed over expiries, per strike (puts drawn below zero). */
export function openInterestByStrike(
  s: SurfaceState,
): { strike: number; call: number; put: number }[] {
  const byStrike = new Map<number, { strike: number; call: number; put: number }>();
  for (const e of s.expiries)
    for (const p of e.points) {
      const row = byStrike.get(p.strike) ?? { strike: p.strike, call: 0, put: 0 };
      row.call += p.call_oi;
      row.put += p.put_oi;
      byStrike.set(p.strike, row);
    }
  return [...byStrike.values()].sort((a, b) => a.strike - b.strike);
}

/**
 * @example
 * oiChart(await fetchJson('/api/volatility/surface/latest?currency=BTC'));
 */
export function oiChart(s: SurfaceState): Element {
  const rows = openInterestByStrike(s).flatMap((r) => [
    { strike: r.strike, oi: r.call, side: 'calls' },
    { strike: r.strike, oi: -r.put, side: 'puts' },
  ]);
  return Plot.plot({
    ...base,
    x: { label: 'strike', grid: true },
    y: { label: 'open interest (contracts; puts below)', grid: true },
    color: {
      legend: true,
      domain: ['calls', 'puts'],
      range: ['var(--vol-accent)', 'var(--vol-danger)'],
    },
    marks: [
      Plot.rectY(rows, {
        x: 'strike',
        y: 'oi',
        fill: 'side',
        interval: strikeStep(rows),
        tip: true,
      }),
      Plot.ruleY([0]),
      ...(s.index_price ? [Plot.ruleX([s.index_price], { stroke: 'var(--vol-fg)' })] : []),
    ],
  });
}

/**
 * Net GEX (USD per 1% move, calls +, puts −) by strike, with spot and the zero-gamma level.
 *
 * @example
 * gexChart(state);
 */
export function gexChart(s: SurfaceState): Element {
  const rows = s.gex_total.by_strike;
  const zero = s.gex_total.zero_gamma;
  return Plot.plot({
    ...base,
    x: { label: 'strike', grid: true },
    y: { label: 'net GEX, USD per 1%', grid: true, tickFormat: 's' },
    marks: [
      Plot.rectY(rows, {
        x: 'strike',
        y: 'net',
        interval: strikeStep(rows),
        fill: (d: { net: number }) => (d.net >= 0 ? 'var(--vol-accent)' : 'var(--vol-danger)'),
        tip: true,
      }),
      Plot.ruleY([0]),
      ...(s.index_price
        ? [
            Plot.ruleX([s.index_price], { stroke: 'var(--vol-fg)' }),
            Plot.text([s.index_price], {
              x: (d: number) => d,
              frameAnchor: 'top',
              text: () => 'spot',
              dy: -4,
            }),
          ]
        : []),
      ...(zero != null
        ? [
            Plot.ruleX([zero], { stroke: 'var(--vol-attention)', strokeDasharray: '4,3' }),
            Plot.text([zero], {
              x: (d: number) => d,
              frameAnchor: 'bottom',
              text: () => 'zero γ',
              dy: 4,
            }),
          ]
        : []),
    ],
  });
}

/** The smallest gap between listed strikes: the bars' width. */
function strikeStep(rows: { strike: number }[]): number {
  const strikes = [...new Set(rows.map((r) => r.strike))].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < strikes.length; i++) step = Math.min(step, strikes[i]! - strikes[i - 1]!);
  return Number.isFinite(step) ? step : 1000;
}
