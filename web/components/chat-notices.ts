/**
 * The chat panel's two notices: how to turn the assistant on when no key is set, and what leaves the machine
 * with each message, with the switch that leaves cell outputs out. Pure rendering.
 */
import { html, type TemplateResult } from 'lit';

export function renderDisabled(): TemplateResult {
  return html`<h2>Claude</h2>
    <p class="off" data-chat-disabled>
      The assistant is off. To enable it, set <code>ANTHROPIC_API_KEY</code> in the sidecar's
      environment and restart it (<code>ANTHROPIC_API_KEY=… npm start</code>). The key stays on the
      sidecar; everything else works without it.
    </p>`;
}

/** `lines` from `describeContext`; `setInclude(false)` when the user leaves outputs out. */
export function renderPreview(
  lines: string[],
  includeOutputs: boolean,
  setInclude: (include: boolean) => void,
): TemplateResult {
  return html`<div class="preview" data-chat-preview>
    <strong>What leaves the machine</strong> with each message, to Anthropic:
    <ul>
      ${lines.map((l) => html`<li>${l}</li>`)}
    </ul>
    <label>
      <input
        type="checkbox"
        .checked=${!includeOutputs}
        @change=${(e: Event) => setInclude(!(e.target as HTMLInputElement).checked)}
        data-chat-omit-outputs
      />
      Leave cell outputs out
    </label>
  </div>`;
}
