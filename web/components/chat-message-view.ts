/**
 * The templates of one chat message: its Markdown (prose through markdown-it with HTML off, code blocks
 * highlighted with Insert as cell / Replace cell), its tool steps (a run_sql step shows the query and a table of
 * its rows), its proposals, its usage and, when it was cut short, the error with Retry. Pure rendering.
 */
import MarkdownIt from 'markdown-it';
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ChatProposal, ChatStep, ChatStoredMessage } from '../../server/contract';
import { cellKindOf, splitAnswer } from '../chat/answer-segments';
import { highlightCode } from '../chat/highlight';

// The model's text is untrusted: no raw HTML, and markdown-it's link validation drops javascript: URLs.
const md = new MarkdownIt({ html: false, linkify: true });

export interface MessageActions {
  insert(kind: 'js' | 'sql' | 'md', source: string, after?: string): void;
  /** Replace the cell the conversation is about; absent when there is none. */
  replace?: (kind: 'js' | 'sql' | 'md', source: string, cellId?: string) => void;
  retry?: () => void;
}

const ROWS_SHOWN = 200;

export function renderMessage(
  message: ChatStoredMessage,
  actions: MessageActions,
  error?: { message: string; retryAfterSeconds?: number },
): TemplateResult {
  return html`<div class="message ${message.role}" data-chat-message=${message.role}>
    ${(message.steps ?? []).map(renderStep)}
    ${message.role === 'user' ? html`<div class="prose">${message.content}</div>` : renderAnswer(message.content, actions)}
    ${(message.proposals ?? []).map((p) => renderProposal(p, actions))}
    ${
      message.usage
        ? html`<div class="usage" data-chat-usage>
            ${message.usage.inputTokens} tokens in · ${message.usage.outputTokens} out
          </div>`
        : nothing
    }
    ${
      message.interrupted || error
        ? html`<div class="interrupted" role="alert" data-chat-error>
            ${error?.message ?? 'Interrupted.'}
            ${actions.retry ? html`<button @click=${actions.retry} data-chat-retry>Retry</button>` : nothing}
          </div>`
        : nothing
    }
  </div>`;
}

function renderAnswer(text: string, actions: MessageActions): TemplateResult[] {
  return splitAnswer(text).map((segment) => {
    if (segment.kind === 'prose')
      return html`<div class="prose">${unsafeHTML(md.render(segment.text))}</div>`;
    const kind = cellKindOf(segment.lang);
    return html`<div class="code-block">
      <pre><code class=${`lang-${segment.lang}`}>${unsafeHTML(highlightCode(segment.code, kind ?? segment.lang))}</code></pre>
      ${
        kind && !segment.open
          ? html`<div class="code-actions">
              <button data-insert-cell=${kind} @click=${() => actions.insert(kind, segment.code)}>
                Insert as cell
              </button>
              ${
                actions.replace
                  ? html`<button
                      data-replace-cell
                      @click=${() => actions.replace?.(kind, segment.code)}
                    >
                      Replace cell
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
    </div>`;
  });
}

function renderStep(step: ChatStep): TemplateResult {
  const sql = step.name === 'run_sql' && typeof step.input.sql === 'string' ? step.input.sql : null;
  const result = step.result;
  const pending = !result && !step.error;
  const summary = step.error
    ? 'failed'
    : pending
      ? 'running…'
      : result?.totalRows !== undefined
        ? `${result.totalRows} rows`
        : 'done';
  return html`<details class="step" data-chat-step=${step.name} ?open=${!!sql}>
    <summary>${step.name} · <span class="step-state">${summary}</span></summary>
    ${sql ? html`<pre class="query"><code>${unsafeHTML(highlightCode(sql, 'sql'))}</code></pre>` : nothing}
    ${step.error ? html`<div class="step-error">${step.error}</div>` : nothing}
    ${result?.columns && result.rows ? renderRows(result.columns, result.rows, result.totalRows ?? result.rows.length) : nothing}
  </details>`;
}

function renderRows(columns: { name: string }[], rows: unknown[][], total: number): TemplateResult {
  const shown = rows.slice(0, ROWS_SHOWN);
  return html`<div class="rows">
    <table>
      <thead>
        <tr>
          ${columns.map((c) => html`<th>${c.name}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${shown.map(
          (r) =>
            html`<tr>
              ${r.map((v) => html`<td>${v === null ? '∅' : String(v)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
    ${total > shown.length ? html`<div class="more">${shown.length} of ${total} rows shown</div>` : nothing}
  </div>`;
}

function renderProposal(proposal: ChatProposal, actions: MessageActions): TemplateResult {
  return html`<div class="proposal" data-chat-proposal>
    <div class="proposal-head">Suggested ${proposal.kind} cell</div>
    <pre><code>${unsafeHTML(highlightCode(proposal.source, proposal.kind))}</code></pre>
    <div class="code-actions">
      <button
        data-insert-cell=${proposal.kind}
        @click=${() => actions.insert(proposal.kind, proposal.source, proposal.after)}
      >
        Insert as cell
      </button>
      ${
        proposal.replace && actions.replace
          ? html`<button
              data-replace-cell
              @click=${() => actions.replace?.(proposal.kind, proposal.source, proposal.replace)}
            >
              Replace cell
            </button>`
          : nothing
      }
    </div>
  </div>`;
}
