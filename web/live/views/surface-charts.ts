/**
 * Charts of one `surface.*` message, built with Observable Plot: a smile (bid/ask band, mark, SVI fit), the ATM
 * term structure against earlier curves, 25Δ risk reversal and butterfly by expiry, and an IV heatmap. Pure
 * functions of their data: the panel decides when to draw. Colours are theme variables.
 */
import * as Plot from '@observablehq/plot';
import { sviImpliedVol } from '../../../cells/surface/svi';
import type { CompactExpiry, CompactSurface } from '../../../server/contract';
import type { TermSample } from '../term-history';

const DAY_MS = 86_400_000;
const base = { width: 560, height: 240, style: { background: 'transparent' } };

/**
 * @example
 * smileChart(surface.expiries[0]);
 */
export function smileChart(e: CompactExpiry): Element {
  const rows = e.strikes.map((strike, i) => ({
    strike,
    mark: e.mark_iv[i],
    bid: e.bid_iv[i],
    ask: e.ask_iv[i],
  }));
  const quoted = rows.filter((r) => r.bid != null && r.ask != null);
  const lo = Math.min(...e.strikes);
  const hi = Math.max(...e.strikes);
  const svi = e.svi;
  const fit = svi
    ? Array.from({ length: 81 }, (_, i) => {
        const strike = lo + ((hi - lo) * i) / 80;
        return { strike, iv: 100 * sviImpliedVol(svi, Math.log(strike / e.forward), e.T) };
      })
    : [];
  return Plot.plot({
    ...base,
    x: { label: 'strike', grid: true },
    y: { label: 'IV %', grid: true },
    marks: [
      Plot.areaY(quoted, {
        x: 'strike',
        y1: 'bid',
        y2: 'ask',
        fill: 'var(--vol-accent)',
        fillOpacity: 0.15,
      }),
      Plot.dot(rows, { x: 'strike', y: 'mark', r: 2, fill: 'var(--vol-fg)', tip: true }),
      Plot.line(fit, { x: 'strike', y: 'iv', stroke: 'var(--vol-danger)' }),
      Plot.ruleX([e.forward], { stroke: 'var(--vol-fg-muted)', strokeDasharray: '3,3' }),
    ],
  });
}

/**
 * @example
 * termChart(surface, history.at(surface.asOf, 3_600_000), history.at(surface.asOf, 86_400_000));
 */
export function termChart(
  now: TermSample,
  hourAgo: TermSample | null,
  dayAgo: TermSample | null,
): Element {
  const series = (s: TermSample | null, when: string) =>
    s ? s.days.map((days, i) => ({ days, iv: s.atm_iv[i], when })) : [];
  const rows = [
    ...series(now, 'now'),
    ...series(hourAgo, '1 h ago'),
    ...series(dayAgo, '1 day ago'),
  ];
  return Plot.plot({
    ...base,
    x: { label: 'days to expiry', grid: true },
    y: { label: 'ATM IV %', grid: true },
    color: {
      legend: true,
      domain: ['now', '1 h ago', '1 day ago'],
      range: ['var(--vol-accent)', 'var(--vol-attention)', 'var(--vol-fg-muted)'],
    },
    marks: [Plot.line(rows, { x: 'days', y: 'iv', stroke: 'when', marker: 'dot', tip: true })],
  });
}

/**
 * @example
 * skewChart(surface);
 */
export function skewChart(s: CompactSurface): Element {
  const rows = s.expiries.flatMap((e) => {
    const days = (e.expiry_ms - s.asOf) / DAY_MS;
    return [
      { days, value: e.rr25, measure: '25Δ RR', expiry: e.expiry },
      { days, value: e.bf25, measure: '25Δ BF', expiry: e.expiry },
    ].filter((r) => r.value != null);
  });
  return Plot.plot({
    ...base,
    x: { label: 'days to expiry', grid: true },
    y: { label: 'vol points', grid: true },
    color: { legend: true, range: ['var(--vol-name)', 'var(--vol-attention)'] },
    marks: [
      Plot.ruleY([0], { stroke: 'var(--vol-border)' }),
      Plot.line(rows, { x: 'days', y: 'value', stroke: 'measure', marker: 'dot', tip: true }),
    ],
  });
}

export type HeatmapAxis = 'log-moneyness' | 'strike';

/**
 * Fitted IV on a common grid: log-moneyness ln(K/F) in [−0.6, 0.6], or strikes from 50% to 150% of the index.
 *
 * @example
 * heatmapChart(surface, 'log-moneyness');
 */
export function heatmapChart(s: CompactSurface, axis: HeatmapAxis): Element {
  const spot = s.index_price ?? s.expiries[0]?.forward ?? 1;
  // One grid for every expiry (its 25 columns), so the axis has 25 bands and 7 ticks, not a tick per cell.
  const xs = Array.from({ length: 25 }, (_, i) =>
    axis === 'log-moneyness' ? -0.6 + 0.05 * i : Math.round(spot * (0.5 + i / 24)),
  );
  const rows = s.expiries.flatMap((e) => {
    const svi = e.svi;
    if (!svi) return [];
    return xs.map((x) => {
      const k = axis === 'log-moneyness' ? x : Math.log(x / e.forward);
      return { expiry: e.expiry, x, iv: 100 * sviImpliedVol(svi, k, e.T) };
    });
  });
  return Plot.plot({
    ...base,
    height: 60 + 22 * s.expiries.length,
    marginLeft: 70,
    x: {
      label: axis === 'log-moneyness' ? 'ln(K/F)' : 'strike',
      type: 'band',
      tickFormat:
        axis === 'log-moneyness'
          ? (d: number) => d.toFixed(1)
          : (d: number) => `${Math.round(d / 1000)}k`,
      ticks: xs.filter((_, i) => i % 4 === 0),
    },
    y: { label: null, domain: s.expiries.filter((e) => e.svi).map((e) => e.expiry) },
    color: { type: 'linear', scheme: 'turbo', legend: true, label: 'IV %' },
    marks: [Plot.cell(rows, { x: 'x', y: 'expiry', fill: 'iv', tip: true })],
  });
}
