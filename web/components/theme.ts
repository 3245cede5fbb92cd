/**
 * The workbench's colours, as CSS custom properties on the document root: one light theme and its dark variant
 * (`prefers-color-scheme: dark`). Components use `var(--vol-…)` and never a colour literal, so a theme is
 * changed here only; custom properties inherit into shadow roots, so light and shadow DOM read the same values.
 */
import { css } from 'lit';

export const themeStyles = css`
  :root {
    color-scheme: light dark;
    --vol-fg: #1f2328;
    --vol-fg-muted: #57606a;
    --vol-bg: #f6f8fa;
    --vol-surface: #fff;
    --vol-surface-subtle: #f6f8fa;
    --vol-border: #d0d7de;
    --vol-border-muted: #eaeef2;
    --vol-accent: #3b6fd8;
    --vol-link: #0b57d0;
    --vol-name: #8250df;
    --vol-danger: #cf222e;
    --vol-danger-bg: #ffebe9;
    --vol-danger-border: #ff8182;
    --vol-attention: #9a6700;
    --vol-attention-bg: #fff8c5;
    --vol-attention-border: #d4a72c;
    --vol-simulated-fg: #7a5d00;
    --vol-simulated-bg: #fff3cd;
    --vol-simulated-border: #e6c96b;
    --vol-header-fg: #fff;
    --vol-header-bg: #1f2937;
    --vol-selection: #d7d4f0;
    --vol-user-bg: #ddf4ff;
    --vol-code-keyword: #cf222e;
    --vol-code-string: #0a3069;
    --vol-code-number: #0550ae;
    --vol-code-comment: #6e7781;
  }
  @media (prefers-color-scheme: dark) {
    :root {
      --vol-fg: #e6edf3;
      --vol-fg-muted: #8d96a0;
      --vol-bg: #0d1117;
      --vol-surface: #161b22;
      --vol-surface-subtle: #21262d;
      --vol-border: #30363d;
      --vol-border-muted: #21262d;
      --vol-accent: #4493f8;
      --vol-link: #4493f8;
      --vol-name: #ab7df8;
      --vol-danger: #f85149;
      --vol-danger-bg: #25171c;
      --vol-danger-border: #8e1519;
      --vol-attention: #d29922;
      --vol-attention-bg: #272115;
      --vol-attention-border: #9e6a03;
      --vol-simulated-fg: #e3b341;
      --vol-simulated-bg: #2e2a1b;
      --vol-simulated-border: #9e6a03;
      --vol-header-fg: #e6edf3;
      --vol-header-bg: #010409;
      --vol-selection: #264f78;
      --vol-user-bg: #0c2d6b;
      --vol-code-keyword: #ff7b72;
      --vol-code-string: #a5d6ff;
      --vol-code-number: #79c0ff;
      --vol-code-comment: #8b949e;
    }
  }
`;
