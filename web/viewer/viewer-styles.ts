import { css } from 'lit';

export const viewerStyles = css`
  vol-viewer {
    display: block;
    font-family: system-ui, sans-serif;
    color: var(--vol-fg);
  }
  vol-viewer .viewer-bar {
    position: sticky;
    top: 0;
    z-index: 2;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    padding: 8px 16px;
    background: var(--vol-surface-subtle);
    border-bottom: 1px solid var(--vol-border);
    font-size: 13px;
  }
  vol-viewer .viewer-bar .title {
    font-weight: 600;
  }
  vol-viewer .viewer-bar .spacer {
    flex: 1;
  }
  vol-viewer .badge {
    border: 1px solid var(--vol-border);
    border-radius: 10px;
    padding: 1px 8px;
    background: var(--vol-surface);
  }
  vol-viewer .badge.simulated {
    border-color: var(--vol-simulated-border);
    color: var(--vol-simulated-fg);
  }
  vol-viewer .page {
    max-width: 1000px;
    margin: 0 auto;
    padding: 16px;
  }
  vol-viewer .provenance {
    font-size: 12px;
    color: var(--vol-fg-muted);
    margin: 0 0 12px;
  }
  vol-viewer .provenance table {
    border-collapse: collapse;
  }
  vol-viewer .provenance td,
  vol-viewer .provenance th {
    padding: 2px 8px;
    text-align: left;
  }
  vol-viewer .cell {
    margin: 8px 0;
  }
  vol-viewer .cell pre.code {
    background: var(--vol-surface-subtle);
    padding: 8px;
    overflow: auto;
    font-size: 12px;
  }
  vol-viewer .cell .error {
    color: var(--vol-danger);
    border-left: 3px solid var(--vol-danger);
    padding: 4px 8px;
    white-space: pre-wrap;
  }
  vol-viewer .banner.error {
    color: var(--vol-danger);
  }
  vol-viewer .slide-break {
    border: 0;
    border-top: 1px dashed var(--vol-border);
  }
`;
