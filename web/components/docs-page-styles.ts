import { css } from 'lit';

export const docsPageStyles = css`
  :host {
    display: grid;
    grid-template-columns: 220px minmax(0, 1fr);
    gap: 24px;
    max-width: 1100px;
    margin: 0 auto;
    padding: 24px;
  }
  nav {
    position: sticky;
    top: 16px;
    align-self: start;
  }
  nav input {
    width: 100%;
    box-sizing: border-box;
    padding: 6px 8px;
    font: inherit;
    margin-bottom: 12px;
  }
  nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav a {
    display: block;
    padding: 2px 0;
    color: var(--vol-link);
    text-decoration: none;
  }
  h1 {
    font-size: 22px;
    margin: 0 0 16px;
  }
  h2 {
    font-size: 18px;
    margin: 32px 0 8px;
    border-bottom: 1px solid var(--vol-border);
    padding-bottom: 4px;
  }
  h3 {
    font-size: 15px;
    margin: 0;
  }
  h2 a,
  h3 a {
    color: inherit;
    text-decoration: none;
  }
  .entry {
    padding: 12px 0;
    border-bottom: 1px solid var(--vol-border-muted);
  }
  .entry:target,
  .entry.targeted {
    background: var(--vol-attention-bg);
  }
  code.signature {
    display: block;
    font-family: ui-monospace, Menlo, monospace;
    font-size: 12px;
    color: var(--vol-fg);
    margin: 4px 0;
    overflow-wrap: anywhere;
  }
  .doc {
    white-space: pre-wrap;
    margin: 4px 0;
  }
  pre {
    background: var(--vol-surface-subtle);
    border: 1px solid var(--vol-border-muted);
    border-radius: 4px;
    padding: 8px;
    font-size: 12px;
    overflow-x: auto;
  }
  .kind {
    color: var(--vol-fg-muted);
    font-size: 12px;
    font-weight: normal;
  }
  .empty {
    color: var(--vol-fg-muted);
  }
`;
