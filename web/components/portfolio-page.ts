/**
 * `<vol-portfolio-page>` at `/portfolio`: the book's positions with their P&L, Greeks and the age of the marks
 * behind them, the totals per currency, an add-trade form, and the risk (the scenario heatmap at a chosen
 * horizon, VaR and ES). Positions and totals refresh every 2 s; the risk on request, since it reprices the book
 * thousands of times.
 */
import * as Plot from '@observablehq/plot';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { PortfolioRiskWire, PortfolioSummaryWire, PositionWire } from '../../server/contract';
import { addTrade, loadPositions, loadRisk, loadSummary } from '../api/portfolio';
import { tradeFromForm } from '../portfolio/trade-form';

const REFRESH_MS = 2000;
const fmt = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined || !Number.isFinite(x)
    ? '–'
    : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

@customElement('vol-portfolio-page')
export class PortfolioPage extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 1200px;
      margin: 0 auto;
      padding: 24px;
      color: var(--vol-fg);
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 4px 8px;
      border-bottom: 1px solid var(--vol-border-muted);
      text-align: right;
    }
    th:first-child,
    td:first-child {
      text-align: left;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: end;
      margin: 16px 0;
    }
    .error {
      color: var(--vol-danger);
    }
    .muted {
      color: var(--vol-fg-muted);
    }
  `;

  @state() private positions: PositionWire[] = [];
  @state() private summary: PortfolioSummaryWire | null = null;
  @state() private risk: PortfolioRiskWire | null = null;
  @state() private horizon = 0;
  @state() private error = '';
  @state() private formError = '';
  @state() private busy = false;
  private timer: ReturnType<typeof setInterval> | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = 'Portfolio · Vol Lab';
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer) clearInterval(this.timer);
  }

  private async refresh(): Promise<void> {
    try {
      const [p, s] = await Promise.all([loadPositions(), loadSummary()]);
      this.positions = p.positions.filter((x) => x.amount !== 0);
      this.summary = s;
      this.error = '';
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const field = (k: string) => String(data.get(k) ?? '');
    const checked = tradeFromForm({
      instrument_name: field('instrument_name'),
      direction: field('direction'),
      amount: field('amount'),
      price: field('price'),
      fee: field('fee'),
    });
    if ('error' in checked) {
      this.formError = checked.error;
      return;
    }
    this.busy = true;
    try {
      await addTrade({ ...checked.trade, client_id: crypto.randomUUID() });
      this.formError = '';
      form.reset();
      await this.refresh();
    } catch (error) {
      this.formError = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  private async loadRisk(): Promise<void> {
    try {
      this.risk = await loadRisk();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private heatmap(): unknown {
    const grid = this.risk?.grids[0];
    if (!grid) return nothing;
    const h = Math.max(0, grid.horizons.indexOf(this.horizon));
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

  override render() {
    const s = this.summary;
    return html`<h1>Portfolio</h1>
      ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
      ${
        s
          ? html`<p>
                Unrealized ${fmt(s.unrealized_pnl_usd)} USD · realized ${fmt(s.realized_pnl_usd)}
                USD · value ${fmt(s.value_usd)} USD
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
              </table>`
          : nothing
      }
      <h2>Positions</h2>
      <table data-testid="positions">
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
        ${this.positions.map(
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
      </table>
      <h2>Add a trade</h2>
      <form @submit=${(e: SubmitEvent) => void this.submit(e)} novalidate>
        <label
          >Instrument <input name="instrument_name" placeholder="BTC-27MAR26-100000-C"
        /></label>
        <label
          >Direction
          <select name="direction">
            <option value="buy">buy</option>
            <option value="sell">sell</option>
          </select></label
        >
        <label>Amount <input name="amount" inputmode="decimal" /></label>
        <label>Price <input name="price" inputmode="decimal" /></label>
        <label>Fee <input name="fee" inputmode="decimal" placeholder="0" /></label>
        <button type="submit" ?disabled=${this.busy}>Add</button>
      </form>
      ${this.formError ? html`<p class="error" role="alert">${this.formError}</p>` : nothing}
      <h2>Risk</h2>
      <button @click=${() => void this.loadRisk()}>Compute scenarios and VaR</button>
      ${
        this.risk
          ? html`<p>
                1-day 99% VaR: historical ${fmt(this.risk.historical?.var)} USD (ES
                ${fmt(this.risk.historical?.es)}), delta-gamma ${fmt(this.risk.delta_gamma?.var)}
                USD
                ${this.risk.var_reason ? html`<span class="muted">(${this.risk.var_reason})</span>` : nothing}
              </p>
              <label
                >Horizon
                <select
                  @change=${(e: Event) => (this.horizon = Number((e.target as HTMLSelectElement).value))}
                >
                  ${(this.risk.grids[0]?.horizons ?? []).map((d) => html`<option value=${d}>${d} days</option>`)}
                </select></label
              >
              <div>${this.heatmap()}</div>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-portfolio-page': PortfolioPage;
  }
}
