/**
 * `<vol-live-panel>`: the live desk. Follows `surface.BTC` or `surface.ETH` on the page's shared `/api/live`
 * client and redraws at most once per animation frame: smile, ATM term structure (against 1 h and 1 day ago,
 * kept in this page from the stream), 25Δ RR/BF, a heatmap, DVOL and index; on its Positioning tab OI and GEX by
 * strike from the full surface; on its Polymarket tab prediction markets against the options. Each view carries
 * `data-live-view` and `data-as-of` (ms since the epoch), and a banner says when the feed is down and since when.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { CompactSurface, SurfaceCurrency, SurfaceState } from '../../server/contract';
import { fetchJson } from '../api/http';
import { describeAge } from '../live/as-of';
import { sharedLiveClient, type LiveStatus } from '../live/live-client';
import { TermHistory } from '../live/term-history';
import { gexChart, oiChart } from '../live/views/positioning-charts';
import type { Surface3d } from '../live/views/surface-3d';
import {
  heatmapChart,
  skewChart,
  smileChart,
  termChart,
  type HeatmapAxis,
} from '../live/views/surface-charts';
import { adoptDocumentStyles } from './document-styles';
import { livePanelStyles } from './live-panel-styles';
import './polymarket-table';

type Tab = 'surface' | 'positioning' | 'polymarket';
const CURRENCY_KEY = 'vol-live-currency';
const POSITIONING_EVERY_MS = 5_000;

@customElement('vol-live-panel')
export class LivePanel extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    adoptDocumentStyles(livePanelStyles);
    return this;
  }

  @state() private currency: SurfaceCurrency =
    localStorage.getItem(CURRENCY_KEY) === 'ETH' ? 'ETH' : 'BTC';
  @state() private tab: Tab = 'surface';
  @state() private surface: CompactSurface | null = null;
  @state() private positioning: SurfaceState | null = null;
  @state() private positioningError: string | null = null;
  @state() private status: LiveStatus = { connected: false, downSince: null };
  @state() private expiry: string | null = null;
  @state() private axis: HeatmapAxis = 'log-moneyness';
  @state() private now = Date.now();
  @state() private show3d = false;
  private view3d: Surface3d | null = null;

  private readonly histories = { BTC: new TermHistory(), ETH: new TermHistory() };
  private pending: CompactSurface | null = null;
  private frame = 0;
  private stops: (() => void)[] = [];
  private clock: ReturnType<typeof setInterval> | undefined;
  private positioningTimer: ReturnType<typeof setInterval> | undefined;
  private drawn: unknown = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.follow();
    this.stops.push(sharedLiveClient().onStatus((s) => (this.status = s)));
    this.clock = setInterval(() => (this.now = Date.now()), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.stops.splice(0)) stop();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    clearInterval(this.clock);
    clearInterval(this.positioningTimer);
    this.positioningTimer = undefined;
    this.close3d();
  }

  /** three.js arrives here, on request: a dynamic import keeps it off every cold open. */
  private async open3d(): Promise<void> {
    this.show3d = true;
    const { mountSurface3d } = await import('../live/views/surface-3d');
    await this.updateComplete;
    const container = this.querySelector<HTMLElement>('[data-live-view="surface-3d"] .chart');
    if (!this.show3d || !container || !this.surface || this.view3d) return;
    this.view3d = mountSurface3d(container, this.surface);
  }

  private close3d(): void {
    this.view3d?.dispose();
    this.view3d = null;
    this.show3d = false;
  }

  /** Subscribe to the current currency's surface (replacing any earlier subscription). */
  private follow(): void {
    this.stops.shift()?.();
    const currency = this.currency;
    const stop = sharedLiveClient().subscribe(`surface.${currency}`, (data) => {
      const surface = data as CompactSurface;
      this.histories[currency].add({ asOf: surface.asOf, ...surface.term_structure });
      this.pending = surface;
      this.frame ||= requestAnimationFrame(() => {
        this.frame = 0;
        this.surface = this.pending;
      });
    });
    this.stops.unshift(stop);
  }

  private setCurrency(currency: SurfaceCurrency): void {
    if (currency === this.currency) return;
    localStorage.setItem(CURRENCY_KEY, currency);
    this.currency = currency;
    this.surface = null;
    this.positioning = null;
    this.expiry = null;
    this.follow();
    if (this.tab === 'positioning') void this.loadPositioning();
  }

  private setTab(tab: Tab): void {
    this.close3d();
    this.tab = tab;
    clearInterval(this.positioningTimer);
    this.positioningTimer = undefined;
    if (tab === 'positioning') {
      void this.loadPositioning();
      this.positioningTimer = setInterval(() => void this.loadPositioning(), POSITIONING_EVERY_MS);
    }
  }

  private async loadPositioning(): Promise<void> {
    try {
      this.positioning = await fetchJson<SurfaceState>(
        `/api/volatility/surface/latest?currency=${this.currency}`,
      );
      this.positioningError = null;
    } catch (error) {
      this.positioningError = error instanceof Error ? error.message : String(error);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const key = this.tab === 'surface' ? this.surface : this.positioning;
    if (
      key === this.drawn &&
      !changed.has('expiry' as keyof LivePanel) &&
      !changed.has('axis' as keyof LivePanel) &&
      !changed.has('tab' as keyof LivePanel)
    )
      return;
    this.drawn = key;
    performance.mark('vol-live-redraw-start');
    if (this.tab === 'surface' && this.surface) this.drawSurface(this.surface);
    if (this.tab === 'positioning' && this.positioning) {
      this.place('oi', oiChart(this.positioning));
      this.place('gex', gexChart(this.positioning));
    }
    performance.measure('vol-live-redraw', 'vol-live-redraw-start');
  }

  private drawSurface(s: CompactSurface): void {
    const history = this.histories[s.currency];
    const expiry = s.expiries.find((e) => e.expiry === this.expiry) ?? s.expiries[0];
    if (expiry) this.place('smile', smileChart(expiry));
    const now = { asOf: s.asOf, ...s.term_structure };
    this.place(
      'term',
      termChart(now, history.at(s.asOf, 3_600_000), history.at(s.asOf, 86_400_000)),
    );
    this.place('skew', skewChart(s));
    this.place('heatmap', heatmapChart(s, this.axis));
    this.view3d?.update(s);
  }

  private place(view: string, chart: Element): void {
    this.querySelector(`[data-live-view="${view}"] .chart`)?.replaceChildren(chart);
  }

  override render() {
    const s = this.surface;
    return html`<div class="live-bar">
        ${(['BTC', 'ETH'] as const).map(
          (c) =>
            html`<button
              data-currency=${c}
              aria-pressed=${c === this.currency}
              @click=${() => this.setCurrency(c)}
            >
              ${c}
            </button>`,
        )}
        ${(['surface', 'positioning', 'polymarket'] as const).map(
          (t) =>
            html`<button
              data-tab=${t}
              aria-pressed=${t === this.tab}
              @click=${() => this.setTab(t)}
            >
              ${t[0]!.toUpperCase() + t.slice(1)}
            </button>`,
        )}
        ${s ? this.renderTickers(s) : nothing}
      </div>
      ${this.renderBanner(s)}
      ${
        this.tab === 'surface'
          ? this.renderSurfaceViews(s)
          : this.tab === 'positioning'
            ? this.renderPositioning()
            : html`<vol-polymarket-table data-live-view="polymarket"></vol-polymarket-table>`
      }`;
  }

  private renderTickers(s: CompactSurface) {
    return html`<span class="tickers" data-live-view="tickers" data-as-of=${s.asOf}>
      <span
        >index ${s.index_price?.toLocaleString('en-US', { maximumFractionDigits: 2 }) ?? '—'}</span
      >
      <span>DVOL ${s.dvol?.toFixed(2) ?? '—'}</span>
      <span class="age">${describeAge(s.asOf, this.now)}</span>
    </span>`;
  }

  private renderBanner(s: CompactSurface | null) {
    const { connected, downSince } = this.status;
    if (!connected && downSince !== null)
      return html`<div class="feed-down" role="alert" data-live-banner="down">
        Live feed down since ${describeAge(downSince, this.now)}; reconnecting.
      </div>`;
    if (s?.stale)
      return html`<div class="feed-down" role="alert" data-live-banner="stale">
        The exchange feed is silent: surface stale, last data ${describeAge(s.asOf, this.now)}.
      </div>`;
    return nothing;
  }

  private section(view: string, title: string, asOf: number | null, extra: unknown = nothing) {
    return html`<section data-live-view=${view} data-as-of=${asOf ?? ''}>
      <h3>
        ${title}
        <span class="age">${asOf === null ? 'waiting for data' : describeAge(asOf, this.now)}</span>
        ${extra}
      </h3>
      <div class="chart"></div>
    </section>`;
  }

  private renderSurfaceViews(s: CompactSurface | null) {
    const asOf = s?.asOf ?? null;
    const since = s ? this.histories[s.currency].since() : null;
    const expiries = s?.expiries ?? [];
    const chosen = expiries.find((e) => e.expiry === this.expiry) ?? expiries[0];
    return html`${this.section(
      'smile',
      'Smile: bid/ask band, mark, SVI fit',
      asOf,
      html`<select
          aria-label="expiry"
          @change=${(e: Event) => (this.expiry = (e.target as HTMLSelectElement).value)}
        >
          ${expiries.map(
            (e) => html`<option ?selected=${e === chosen} value=${e.expiry}>${e.expiry}</option>`,
          )}
        </select>
        ${chosen?.fit_reason ? html`<span class="note">no fit: ${chosen.fit_reason}</span>` : nothing}`,
    )}
    ${this.section(
      'term',
      'ATM term structure',
      asOf,
      html`<span class="note"
        >earlier curves are kept by this page from the
        stream${
          since === null ? '' : `, since ${new Date(since).toISOString().slice(11, 19)} UTC`
        }</span
      >`,
    )}
    ${this.section('skew', '25Δ risk reversal and butterfly', asOf)}
    ${this.section(
      'heatmap',
      'Fitted IV heatmap',
      asOf,
      html`<select
        aria-label="heatmap axis"
        @change=${(e: Event) => (this.axis = (e.target as HTMLSelectElement).value as HeatmapAxis)}
      >
        <option value="log-moneyness">log-moneyness</option>
        <option value="strike">strike</option>
      </select>`,
    )}
    ${this.section(
      'surface-3d',
      'Fitted surface in 3D (drag to turn)',
      asOf,
      this.show3d
        ? html`<button @click=${() => this.close3d()}>Hide 3D</button>`
        : html`<button data-show-3d @click=${() => void this.open3d()}>Show 3D</button>`,
    )}`;
  }

  private renderPositioning() {
    const p = this.positioning;
    const asOf = p?.asOf ?? null;
    return html`${
        this.positioningError
          ? html`<div class="feed-down" role="alert">${this.positioningError}</div>`
          : nothing
      }
      <p class="note">Refreshed every 5 s from /api/volatility/surface/latest.</p>
      ${this.section('oi', 'Open interest by strike', asOf)}
      ${this.section(
        'gex',
        'Dealer gamma exposure by strike',
        asOf,
        html`<span class="note"
          >spot ${p?.index_price?.toFixed(0) ?? '—'}, zero γ
          ${p?.gex_total.zero_gamma?.toFixed(0) ?? '—'}</span
        >`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-live-panel': LivePanel;
  }
}
