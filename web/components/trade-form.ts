/**
 * `<vol-trade-form>`: the portfolio's add-trade form. The instrument completes from what the live chain lists
 * (a datalist from `GET /api/portfolio/instruments`, with each mark shown beside the price); the values are
 * checked as they are typed (`tradeFromForm`, plus the chain's hints: an unlisted option, a price far from the
 * mark), and the sidecar has the last word on submit.
 *
 * @fires trade-added - after a trade is stored (detail: the `TradeResult`)
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { InstrumentChoiceWire } from '../../server/contract';
import { addTrade, loadInstruments } from '../api/portfolio';
import { tradeFromForm, type TradeFormValues } from '../portfolio/trade-form';
import { instrumentProblem, priceWarning } from '../portfolio/trade-hints';

/** The form field each message is about (messages start with the field's label). */
const FIELDS: Record<string, keyof TradeFormValues> = {
  instrument: 'instrument_name',
  direction: 'direction',
  amount: 'amount',
  price: 'price',
  fee: 'fee',
};

@customElement('vol-trade-form')
export class TradeForm extends LitElement {
  static override styles = css`
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
    .warning,
    .muted {
      color: var(--vol-fg-muted);
    }
  `;

  @state() private choices: InstrumentChoiceWire[] = [];
  @state() private problem = '';
  @state() private warning = '';
  @state() private mark: number | null = null;
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Without a live chain the list is empty and the form still works (the sidecar checks what it can).
    loadInstruments()
      .then((c) => (this.choices = c.instruments))
      .catch(() => undefined);
  }

  private values(form: HTMLFormElement): TradeFormValues {
    const data = new FormData(form);
    const field = (k: string) => String(data.get(k) ?? '');
    return {
      instrument_name: field('instrument_name'),
      direction: field('direction'),
      amount: field('amount'),
      price: field('price'),
      fee: field('fee'),
    };
  }

  /** The first problem (chain or form) and the price warning, as the user types. */
  private check(form: HTMLFormElement, typing: boolean): ReturnType<typeof tradeFromForm> {
    const v = this.values(form);
    const name = v.instrument_name.trim().toUpperCase();
    this.mark = this.choices.find((c) => c.instrument_name === name)?.mark_price ?? null;
    this.warning = priceWarning(name, Number(v.price), this.choices) ?? '';
    const listed = instrumentProblem(name, this.choices);
    const checked: ReturnType<typeof tradeFromForm> = listed ? { error: listed } : tradeFromForm(v);
    // While typing, only a field already filled in is complained about.
    const field = 'error' in checked ? FIELDS[checked.error.split(':')[0]!] : undefined;
    const shown = !typing || (field !== undefined && v[field].trim() !== '');
    this.problem = 'error' in checked && shown ? checked.error : '';
    return checked;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const checked = this.check(form, false);
    if ('error' in checked) return;
    this.busy = true;
    try {
      const result = await addTrade({ ...checked.trade, client_id: crypto.randomUUID() });
      this.problem = '';
      this.warning = '';
      this.mark = null;
      form.reset();
      this.dispatchEvent(
        new CustomEvent('trade-added', { detail: result, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.problem = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<form
        @submit=${(e: SubmitEvent) => void this.submit(e)}
        @input=${(e: Event) => void this.check(e.currentTarget as HTMLFormElement, true)}
        novalidate
      >
        <label
          >Instrument
          <input
            name="instrument_name"
            list="instruments"
            autocomplete="off"
            placeholder="BTC-27MAR26-100000-C"
        /></label>
        <datalist id="instruments">
          ${this.choices.map(
            (c) =>
              html`<option value=${c.instrument_name}>
                ${c.mark_price === null ? 'no mark' : `mark ${c.mark_price}`}
              </option>`,
          )}
        </datalist>
        <label
          >Direction
          <select name="direction">
            <option value="buy">buy</option>
            <option value="sell">sell</option>
          </select></label
        >
        <label>Amount <input name="amount" inputmode="decimal" /></label>
        <label
          >Price
          <input name="price" inputmode="decimal" />
          ${this.mark === null ? nothing : html`<span class="muted">mark ${this.mark}</span>`}</label
        >
        <label>Fee <input name="fee" inputmode="decimal" placeholder="0" /></label>
        <button type="submit" ?disabled=${this.busy}>Add</button>
      </form>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.warning ? html`<p class="warning" role="status">${this.warning}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-trade-form': TradeForm;
  }
}
