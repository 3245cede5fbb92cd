/**
 * `<vol-portfolio-page>` at `/portfolio`: the book's positions with their P&L, Greeks and the age of the marks
 * behind them, the totals per currency, the value history (P&L, returns, drawdown), an add-trade form, and the
 * risk (the scenario heatmap at a chosen horizon, VaR and ES). Totals arrive as `portfolio_update` events on
 * `/api/live` (at most once a second, only when the book's figures change), and each one re-reads the
 * positions; the risk is computed on request, since it reprices the book thousands of times. The first-start
 * demo book is labelled as such, with a button that removes it.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type {
  PortfolioHistoryWire,
  PortfolioRiskWire,
  PortfolioSummaryWire,
  PositionWire,
} from '../../server/contract';
import {
  loadHistory,
  loadPositions,
  loadRisk,
  loadSummary,
  loadTrades,
  removeDemoBook,
} from '../api/portfolio';
import { sharedLiveClient, type LiveStatus } from '../live/live-client';
import { positionsTable, summaryTable } from '../portfolio/book-tables';
import { fmt } from '../portfolio/format';
import { historyPlots, historySummary } from '../portfolio/history-plot';
import { scenarioHeatmap } from '../portfolio/scenario-plot';
import './trade-form';

const CHANNEL = 'portfolio_update';
/** The demo fills' client-id prefix (server/portfolio/demo.ts). */
const DEMO_PREFIX = 'demo:';
/** The history gains a point a minute: re-read it no more often. */
const HISTORY_EVERY_MS = 60_000;

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
    .error {
      color: var(--vol-danger);
    }
    .muted {
      color: var(--vol-fg-muted);
    }
    .demo {
      display: flex;
      gap: 12px;
      align-items: center;
      padding: 8px 12px;
      border: 1px dashed var(--vol-border-muted);
    }
  `;

  @state() private positions: PositionWire[] = [];
  /** When the server marked the positions shown (ms). */
  @state() private positionsAsOf: number | null = null;
  @state() private summary: PortfolioSummaryWire | null = null;
  @state() private history: PortfolioHistoryWire | null = null;
  @state() private risk: PortfolioRiskWire | null = null;
  @state() private demoFills = 0;
  @state() private live: LiveStatus = { connected: false, downSince: null };
  @state() private horizon = 0;
  @state() private error = '';
  private historyAt = 0;
  private reading: Promise<void> | null = null;
  private stale = false;
  private stops: (() => void)[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = 'Portfolio · Vol Lab';
    void this.loadBook();
    const live = sharedLiveClient();
    this.stops = [
      live.subscribe(
        CHANNEL,
        (data) => {
          this.summary = data as PortfolioSummaryWire;
          void this.readPositions();
          if (Date.now() - this.historyAt >= HISTORY_EVERY_MS) void this.readHistory();
        },
        (message) => (this.error = `live updates: ${message}`),
      ),
      live.onStatus((status) => (this.live = status)),
    ];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.stops) stop();
    this.stops = [];
  }

  /** Everything once: on open, after a trade, after the demo book goes. */
  private async loadBook(): Promise<void> {
    try {
      const [s, t] = await Promise.all([loadSummary(), loadTrades()]);
      this.summary = s;
      this.demoFills = t.fills.filter((f) => f.client_id?.startsWith(DEMO_PREFIX)).length;
      this.error = '';
    } catch (error) {
      this.error = (error as Error).message;
    }
    await Promise.all([this.readPositions(), this.readHistory()]);
  }

  /** Re-read the positions; calls while one is in flight coalesce into one more read after it. */
  private async readPositions(): Promise<void> {
    if (this.reading) {
      this.stale = true;
      return this.reading;
    }
    this.reading = (async () => {
      do {
        this.stale = false;
        try {
          const read = await loadPositions();
          this.positions = read.positions.filter((x) => x.amount !== 0);
          this.positionsAsOf = read.as_of;
        } catch (error) {
          this.error = (error as Error).message;
        }
      } while (this.stale);
    })().finally(() => (this.reading = null));
    return this.reading;
  }

  private async readHistory(): Promise<void> {
    this.historyAt = Date.now();
    try {
      this.history = await loadHistory();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async removeDemo(): Promise<void> {
    try {
      await removeDemoBook();
      await this.loadBook();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async loadRisk(): Promise<void> {
    try {
      this.risk = await loadRisk();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private historySection() {
    const points = this.history?.points ?? [];
    if (points.length === 0)
      return html`<p class="muted">
        No value recorded yet: the book's value is sampled once a minute while it holds marked
        positions.
      </p>`;
    const { lastReturn, changeUsd } = historySummary(points);
    return html`<p data-testid="history-summary">
        ${points.length} points · P&L change ${fmt(changeUsd)} USD · last return
        ${lastReturn === null ? '–' : `${fmt(lastReturn * 100, 3)} %`} · max drawdown
        ${fmt(this.history!.max_drawdown_usd)} USD
      </p>
      <div>${historyPlots(points)}</div>`;
  }

  override render() {
    const grid = this.risk?.grids[0];
    return html`<h1>Portfolio</h1>
      <p class="muted" data-testid="live-status">
        ${this.live.connected ? 'live: updates as the book is re-marked' : 'live feed down: figures may be old'}
      </p>
      ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
      ${
        this.demoFills > 0
          ? html`<div class="demo" data-testid="demo-book">
              <strong>Demo book</strong>
              <span class="muted"
                >${this.demoFills} sample fills seeded on first start from the live chain, not your
                trades.</span
              >
              <button @click=${() => void this.removeDemo()}>Remove demo book</button>
            </div>`
          : nothing
      }
      ${this.summary ? summaryTable(this.summary) : nothing}
      <h2>Positions</h2>
      ${positionsTable(this.positions, this.positionsAsOf)}
      <h2>Value history</h2>
      ${this.historySection()}
      <h2>Add a trade</h2>
      <vol-trade-form @trade-added=${() => void this.loadBook()}></vol-trade-form>
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
                  ${(grid?.horizons ?? []).map((d) => html`<option value=${d}>${d} days</option>`)}
                </select></label
              >
              <div>${grid ? scenarioHeatmap(grid, this.horizon) : nothing}</div>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-portfolio-page': PortfolioPage;
  }
}
