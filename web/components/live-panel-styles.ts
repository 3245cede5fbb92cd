import { css } from 'lit';

export const livePanelStyles = css`
  vol-live-panel {
    display: block;
    padding: 8px 12px;
    background: var(--vol-surface);
    color: var(--vol-fg);
    overflow: auto;
    box-sizing: border-box;
  }
  vol-live-panel .live-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-bottom: 8px;
  }
  vol-live-panel .live-bar button[aria-pressed='true'] {
    font-weight: 600;
    border-color: var(--vol-accent);
  }
  vol-live-panel .tickers {
    display: flex;
    gap: 16px;
    font-variant-numeric: tabular-nums;
  }
  vol-live-panel .feed-down {
    background: var(--vol-danger-bg);
    border: 1px solid var(--vol-danger-border);
    color: var(--vol-danger);
    padding: 4px 8px;
    border-radius: 4px;
    margin-bottom: 8px;
  }
  vol-live-panel section {
    margin-bottom: 12px;
  }
  vol-live-panel section h3 {
    font-size: 13px;
    margin: 4px 0;
    display: flex;
    gap: 8px;
    align-items: baseline;
  }
  vol-live-panel .age {
    font-weight: normal;
    font-size: 11px;
    color: var(--vol-fg-muted);
  }
  vol-live-panel .note {
    font-size: 11px;
    color: var(--vol-fg-muted);
  }
  vol-live-panel table {
    border-collapse: collapse;
    font-size: 12px;
    font-variant-numeric: tabular-nums;
  }
  vol-live-panel td,
  vol-live-panel th {
    border-bottom: 1px solid var(--vol-border-muted);
    padding: 2px 6px;
    text-align: left;
  }
`;
