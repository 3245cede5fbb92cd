/**
 * Presentation mode's look: the page becomes a 16:9 frame centred on a dark backdrop (the `width` builtin
 * measures `.page`, so charts size to the slide), cell chrome and editors hidden, only outputs and prose.
 */
import { css } from 'lit';

export const presentStyles = css`
  vol-notebook-page .layout.presenting {
    display: block;
    padding: 0;
    max-width: none;
  }
  vol-notebook-page .presenting > :not(.page) {
    display: none;
  }
  vol-notebook-page .page[data-present] {
    position: fixed;
    inset: 0;
    margin: auto;
    z-index: 10;
    box-sizing: border-box;
    width: min(100vw, calc(100vh * 16 / 9));
    height: min(100vh, calc(100vw * 9 / 16));
    padding: 2.5% 4%;
    overflow: auto;
    background: var(--vol-bg);
    font-size: 1.25rem;
    box-shadow: 0 0 0 100vmax var(--vol-header-bg);
  }
  vol-notebook-page .page[data-present] .toolbar,
  vol-notebook-page .page[data-present] .add-bar,
  vol-notebook-page .page[data-present] .slide-break,
  vol-notebook-page .page[data-present] .cell-bar {
    display: none;
  }
  vol-notebook-page .page[data-present] .deck-cell[hidden] {
    display: none;
  }
  vol-notebook-page .page[data-present] section.cell {
    border: none;
    padding: 0;
    margin: 0 0 12px;
    background: none;
  }
  /* Plot's figures: no indent (the chart is as wide as the slide) and a title sized for a slide. */
  vol-notebook-page .page[data-present] figure {
    margin: 0;
  }
  vol-notebook-page .page[data-present] figure > h2 {
    font-size: 1.1rem;
    margin: 0 0 4px;
  }
  vol-notebook-page .deck-nav {
    position: fixed;
    right: 12px;
    bottom: 8px;
    z-index: 11;
    display: flex;
    gap: 8px;
    align-items: center;
    font-size: 14px;
    color: var(--vol-fg-muted);
  }
  vol-notebook-page .deck-goto {
    position: fixed;
    top: 12px;
    left: 50%;
    transform: translateX(-50%);
    z-index: 11;
    padding: 6px 12px;
    background: var(--vol-surface);
    border: 1px solid var(--vol-border);
    border-radius: 6px;
  }
  vol-notebook-page .deck-overview {
    display: grid;
    grid-template-columns: repeat(auto-fill, 242px);
    gap: 12px;
    list-style: none;
    padding: 0;
  }
  vol-notebook-page .deck-overview button {
    width: 100%;
    padding: 0;
    text-align: left;
    font-size: 13px;
    background: var(--vol-surface);
    border: 1px solid var(--vol-border);
    border-radius: 6px;
    overflow: hidden;
  }
  vol-notebook-page .deck-thumb-caption {
    display: block;
    padding: 2px 6px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /* A slide copied at the frame's size, scaled down to the thumbnail: inert, clipped, never scrolled. */
  vol-notebook-page .deck-thumb {
    display: block;
    position: relative;
    overflow: hidden;
    background: var(--vol-bg);
    pointer-events: none;
  }
  vol-notebook-page .deck-thumb-slide {
    display: block;
    position: absolute;
    top: 0;
    left: 0;
    box-sizing: border-box;
    padding: 2.5% 4%;
    overflow: hidden;
    transform-origin: 0 0;
    font-size: 1.25rem;
  }
  vol-notebook-page .deck-thumb-slide figure {
    margin: 0;
  }
  vol-notebook-page .deck-overview button.current {
    border: 2px solid var(--vol-accent);
  }
  vol-notebook-page .deck-number {
    color: var(--vol-fg-muted);
  }
  /* Printing a deck (?present&print): slides flow, each from the top of a 16:9 page. */
  @media print {
    vol-app > header,
    vol-notebook-page .deck-nav,
    vol-notebook-page .deck-goto {
      display: none;
    }
    vol-notebook-page .page[data-present] {
      position: static;
      width: auto;
      height: auto;
      overflow: visible;
      box-shadow: none;
      padding: 0 24px;
    }
    vol-notebook-page .deck-cell[data-slide-first] {
      break-before: page;
    }
  }
`;
