/**
 * `<vol-alerts>`: the volatility alerts in the workbench header. A badge with the unacknowledged count, a toast
 * for each `threshold_breach` arriving on `/api/live`, and a panel listing recent alerts (rule, value, threshold,
 * a small chart of the metric before the breach) with an Ack button each. Renders nothing when the sidecar runs
 * without the live desk (`/api/volatility/alerts` answers 404).
 */
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { AlertEventWire, AlertListWire } from '../../server/contract';
import { fetchJson, jsonBody } from '../api/http';
import { adoptDocumentStyles } from './document-styles';

const styles = css`
  vol-alerts {
    position: relative;
  }
  vol-alerts > button.bell {
    background: none;
    border: 1px solid var(--vol-header-fg);
    color: var(--vol-header-fg);
    border-radius: 4px;
    padding: 1px 8px;
    cursor: pointer;
  }
  vol-alerts .badge {
    background: var(--vol-danger);
    color: var(--vol-bg);
    border-radius: 8px;
    padding: 0 6px;
    margin-left: 4px;
    font-size: 11px;
  }
  vol-alerts .panel {
    position: absolute;
    right: 0;
    top: 28px;
    z-index: 20;
    width: 420px;
    max-height: 60vh;
    overflow: auto;
    background: var(--vol-surface);
    color: var(--vol-fg);
    border: 1px solid var(--vol-border);
    border-radius: 6px;
  }
  vol-alerts .panel li,
  vol-alerts .toast {
    display: grid;
    grid-template-columns: 1fr 90px auto;
    gap: 8px;
    align-items: center;
    padding: 6px 10px;
    border-bottom: 1px solid var(--vol-border-muted);
  }
  vol-alerts ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  vol-alerts .toasts {
    position: fixed;
    right: 16px;
    bottom: 16px;
    z-index: 30;
  }
  vol-alerts .toast {
    background: var(--vol-danger-bg);
    color: var(--vol-fg);
    border: 1px solid var(--vol-danger-border);
    border-radius: 6px;
    margin-top: 8px;
    grid-template-columns: 1fr auto;
  }
  vol-alerts polyline {
    fill: none;
    stroke: var(--vol-accent);
  }
  vol-alerts line {
    stroke: var(--vol-danger);
    stroke-dasharray: 3 2;
  }
`;

const BASE = '/api/volatility/alerts';
const TOAST_MS = 10_000;

/** The metric's path before the breach as a 90 × 24 sparkline, the threshold dashed. */
function sparkline(a: AlertEventWire) {
  const values = [...a.context.map(([, v]) => v), a.value, a.threshold];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const y = (v: number) => 22 - (20 * (v - lo)) / (hi - lo || 1);
  const n = Math.max(a.context.length - 1, 1);
  const points = a.context.map(([, v], i) => `${(88 * i) / n + 1},${y(v)}`).join(' ');
  return svg`<svg width="90" height="24" aria-label="metric before the breach"><polyline points=${points}></polyline><line x1="0" x2="90" y1=${y(a.threshold)} y2=${y(a.threshold)}></line></svg>`;
}

const describe = (a: AlertEventWire) =>
  `${a.currency} ${a.metric} ${a.op} ${a.threshold}: ${a.value.toFixed(2)} (${a.rule_name})`;

@customElement('vol-alerts')
export class VolAlerts extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    adoptDocumentStyles(styles);
    return this;
  }

  @state() private available = false;
  @state() private unacked = 0;
  @state() private open = false;
  @state() private alerts: AlertEventWire[] = [];
  @state() private toasts: AlertEventWire[] = [];
  private socket: WebSocket | null = null;
  private retryMs = 1000;
  private closed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.closed = false;
    void this.refresh().then(() => {
      if (this.available) this.connect();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.closed = true;
    this.socket?.close();
  }

  private async refresh(): Promise<void> {
    try {
      const pending = await fetchJson<AlertListWire>(`${BASE}?acked=false&limit=1`);
      this.available = true;
      this.unacked = pending.total;
      if (this.open) this.alerts = (await fetchJson<AlertListWire>(`${BASE}?limit=50`)).alerts;
    } catch {
      // No live desk on this sidecar (404) or it is restarting: stay hidden or keep the last figures.
    }
  }

  private connect(): void {
    if (this.closed) return;
    const ws = new WebSocket(
      `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`,
    );
    this.socket = ws;
    ws.onopen = () => {
      this.retryMs = 1000;
      ws.send(JSON.stringify({ op: 'subscribe', channels: ['threshold_breach'] }));
    };
    ws.onmessage = (message) => {
      const frame = JSON.parse(String(message.data)) as {
        type: string;
        channel?: string;
        data?: unknown;
      };
      if (frame.type !== 'data' || frame.channel !== 'threshold_breach') return;
      const alert = frame.data as AlertEventWire;
      this.toasts = [...this.toasts, alert];
      setTimeout(() => (this.toasts = this.toasts.filter((t) => t !== alert)), TOAST_MS);
      void this.refresh();
    };
    ws.onclose = () => {
      if (this.closed) return;
      setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 30_000);
    };
  }

  private async toggle(): Promise<void> {
    this.open = !this.open;
    await this.refresh();
  }

  private async ack(id: number): Promise<void> {
    // Every POST to the sidecar is JSON (request-guards.ts), even one without fields.
    await fetchJson(`${BASE}/${id}/ack`, { method: 'POST', ...jsonBody({}) }).catch(
      () => undefined,
    );
    await this.refresh();
  }

  override render() {
    if (!this.available) return nothing;
    return html`<button class="bell" @click=${() => void this.toggle()}>
        Alerts${this.unacked ? html`<span class="badge" data-unacked=${this.unacked}>${this.unacked}</span>` : nothing}
      </button>
      ${
        this.open
          ? html`<div class="panel" role="dialog" aria-label="Volatility alerts">
              <ul>
                ${this.alerts.length === 0 ? html`<li>No alerts yet.</li>` : nothing}
                ${this.alerts.map(
                  (a) =>
                    html`<li data-alert=${a.id}>
                      <span title=${new Date(a.ts_ms).toISOString()}>${describe(a)}</span>
                      ${sparkline(a)}
                      ${
                        a.acked_ms === null
                          ? html`<button @click=${() => void this.ack(a.id)}>Ack</button>`
                          : html`<span>acked</span>`
                      }
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
      <div class="toasts" role="status">
        ${this.toasts.map(
          (a) =>
            html`<div class="toast">
              <span>⚠ ${describe(a)}</span>
              <button @click=${() => (this.toasts = this.toasts.filter((t) => t !== a))}>×</button>
            </div>`,
        )}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-alerts': VolAlerts;
  }
}
