/**
 * `<vol-polymarket-table>`: Polymarket's BTC/ETH price markets beside the options-implied probability of the
 * same event (`GET /api/polymarket/markets?topic=crypto`), refreshed every 10 s while shown. Unmatched markets
 * are listed with the reason. Carries `data-as-of` (the BTC surface's time the comparison used).
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { PolymarketComparison, PolymarketMarketsResponse } from '../../server/contract';
import { fetchJson } from '../api/http';

const REFRESH_MS = 10_000;
const pct = (p: number | null) => (p === null ? '—' : `${(100 * p).toFixed(1)}%`);
const usd = (x: number | null) =>
  x === null ? '—' : x.toLocaleString('en-US', { maximumFractionDigits: 0 });

@customElement('vol-polymarket-table')
export class PolymarketTable extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  @state() private response: PolymarketMarketsResponse | null = null;
  @state() private error: string | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    this.timer = setInterval(() => void this.load(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  private async load(): Promise<void> {
    try {
      this.response = await fetchJson<PolymarketMarketsResponse>(
        '/api/polymarket/markets?topic=crypto',
      );
      this.error = null;
      this.dataset.asOf = String(this.response.surface_as_of.BTC ?? '');
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    const r = this.response;
    return html`${
        this.error
          ? html`<div class="feed-down" role="alert">Polymarket: ${this.error}</div>`
          : nothing
      }
      <p class="note">
        Polymarket's probability is the mid of the Yes token's best bid and ask; the options-implied
        one is the risk-neutral digital from the live fitted smile at the market's date
        (interpolated in total variance between expiries, with the forward). "Reach" markets are
        path-dependent and not matched.
      </p>
      ${
        r
          ? html`<table>
              <thead>
                <tr>
                  <th>question</th>
                  <th>Polymarket</th>
                  <th>options-implied</th>
                  <th>difference</th>
                  <th>volume</th>
                  <th>liquidity</th>
                  <th>expiries used / why not</th>
                </tr>
              </thead>
              <tbody>
                ${r.markets.map((m) => this.row(m))}
              </tbody>
            </table>`
          : html`<p class="note">Loading…</p>`
      }`;
  }

  private row(m: PolymarketComparison) {
    return html`<tr data-market-id=${m.id} data-matched=${m.why === null}>
      <td>${m.question}</td>
      <td>${pct(m.probability)}</td>
      <td>${pct(m.options_implied)}</td>
      <td>${m.difference === null ? '—' : `${(100 * m.difference).toFixed(1)} pts`}</td>
      <td>${usd(m.volume)}</td>
      <td>${usd(m.liquidity)}</td>
      <td>${m.why ?? m.expiries_used.join(' → ')}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-polymarket-table': PolymarketTable;
  }
}
