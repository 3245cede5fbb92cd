/** Styles of `<vol-chat-panel>`, colours as custom properties so a theme can override them. */
import { css } from 'lit';

export const chatPanelStyles = css`
  :host {
    display: block;
    font-size: 13px;
    --chat-border: var(--vol-border);
    --chat-muted: var(--vol-fg-muted);
    --chat-user: var(--vol-user-bg);
    --chat-error: var(--vol-danger);
    border-bottom: 1px solid var(--chat-border);
    padding-bottom: 8px;
    margin-bottom: 12px;
  }
  h2 {
    font-size: 13px;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--chat-muted);
    margin: 0 0 8px;
    display: flex;
    gap: 6px;
    align-items: center;
  }
  h2 .spacer {
    flex: 1;
  }
  button {
    font: inherit;
    font-size: 12px;
  }
  .messages {
    max-height: 55vh;
    overflow: auto;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .message {
    border-radius: 6px;
    padding: 6px 8px;
    overflow-wrap: anywhere;
  }
  .message.user {
    background: var(--chat-user);
    align-self: flex-end;
    white-space: pre-wrap;
  }
  .message.assistant {
    border: 1px solid var(--chat-border);
  }
  .prose :first-child {
    margin-top: 0;
  }
  .prose :last-child {
    margin-bottom: 0;
  }
  pre {
    background: var(--vol-surface-subtle);
    padding: 6px;
    border-radius: 4px;
    overflow: auto;
    margin: 4px 0;
    font-size: 12px;
  }
  .hl-kw {
    color: var(--vol-code-keyword);
  }
  .hl-str {
    color: var(--vol-code-string);
  }
  .hl-num {
    color: var(--vol-code-number);
  }
  .hl-cm {
    color: var(--vol-code-comment);
    font-style: italic;
  }
  .code-actions {
    display: flex;
    gap: 4px;
  }
  .step {
    border-left: 3px solid var(--chat-border);
    padding-left: 6px;
    margin: 4px 0;
  }
  .step summary {
    cursor: pointer;
    color: var(--chat-muted);
  }
  .step-error,
  .interrupted {
    color: var(--chat-error);
  }
  .rows {
    max-height: 200px;
    overflow: auto;
  }
  table {
    border-collapse: collapse;
    font-size: 11px;
  }
  th,
  td {
    border: 1px solid var(--vol-border-muted);
    padding: 1px 4px;
    text-align: left;
  }
  .more,
  .usage {
    color: var(--chat-muted);
    font-size: 11px;
  }
  .proposal {
    border: 1px dashed var(--chat-border);
    padding: 4px;
    border-radius: 4px;
  }
  .composer {
    display: flex;
    flex-direction: column;
    gap: 4px;
    margin-top: 8px;
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
    min-height: 48px;
    font: inherit;
  }
  .row {
    display: flex;
    gap: 6px;
    align-items: center;
    flex-wrap: wrap;
  }
  .preview {
    background: var(--vol-attention-bg);
    border: 1px solid var(--vol-attention-border);
    border-radius: 4px;
    padding: 6px;
    margin: 6px 0;
  }
  .preview ul {
    margin: 4px 0;
    padding-left: 16px;
  }
  .off {
    color: var(--chat-muted);
  }
`;
