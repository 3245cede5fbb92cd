/**
 * The portfolio page's tables as Lit templates: the totals per currency (with the marks' age) and the
 * positions with their P&L and Greeks. Rendering only; the page owns the data.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PortfolioSummaryWire, PositionWire } from '../../server/contract';
import { fmt } from './format';

/** @example html`${summaryTable(summary)}` */
export function summaryTable(s: PortfolioSummaryWire): TemplateResult {
  return html`<p>
      Unrealized ${fmt(s.unrealized_pnl_usd)} USD · realized ${fmt(s.realized_pnl_usd)} USD · value
      ${fmt(s.value_usd)} USD
      <span class="muted">
        · oldest mark
        ${s.oldest_mark_age_ms === null ? '–' : `${fmt(s.oldest_mark_age_ms / 1000, 1)} s`}
        ${s.unmarked.length > 0 ? html` · unmarked: ${s.unmarked.join(', ')}` : nothing}</span
      >
    </p>
    <table>
      <tr>
        <th>currency</th>
        <th>delta</th>
        <th>gamma</th>
        <th>vega</th>
        <th>theta</th>
        <th>uPnL (coin)</th>
      </tr>
      ${s.currencies.map(
        (c) =>
          html`<tr>
            <td>${c.currency}</td>
            <td>${fmt(c.delta, 4)}</td>
            <td>${fmt(c.gamma, 6)}</td>
            <td>${fmt(c.vega)}</td>
            <td>${fmt(c.theta)}</td>
            <td>${fmt(c.unrealized_pnl, 6)}</td>
          </tr>`,
      )}
    </table>`;
}

/** `asOf`: when the server marked them (ms), as `data-as-of`. @example html`${positionsTable(positions, asOf)}` */
export function positionsTable(
  positions: readonly PositionWire[],
  asOf: number | null,
): TemplateResult {
  return html`<table data-testid="positions" data-as-of=${asOf ?? nothing}>
    <tr>
      <th>instrument</th>
      <th>amount</th>
      <th>avg price</th>
      <th>mark</th>
      <th>mark age</th>
      <th>uPnL</th>
      <th>uPnL USD</th>
      <th>delta</th>
      <th>gamma</th>
      <th>vega</th>
      <th>theta</th>
    </tr>
    ${positions.map(
      (p) =>
        html`<tr>
          <td>${p.instrument_name}</td>
          <td>${fmt(p.amount, 4)}</td>
          <td>${fmt(p.avg_price, 4)}</td>
          <td title=${p.mark.source ?? 'no mark'}>${fmt(p.mark.price, 4)}</td>
          <td>${p.mark.age_ms === null ? '–' : `${fmt(p.mark.age_ms / 1000, 1)} s`}</td>
          <td>${fmt(p.unrealized_pnl, 6)}</td>
          <td>${fmt(p.unrealized_pnl_usd)}</td>
          <td>${fmt(p.greeks?.delta, 4)}</td>
          <td>${fmt(p.greeks?.gamma, 6)}</td>
          <td>${fmt(p.greeks?.vega)}</td>
          <td>${fmt(p.greeks?.theta)}</td>
        </tr>`,
    )}
  </table>`;
}
