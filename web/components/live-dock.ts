/**
 * `<vol-live-dock>`: the live panel docked at the right of a notebook, resizable by dragging its left edge (or
 * with the arrow keys on the edge); the width is remembered in localStorage. Whether the dock is open is the
 * shell's (`vol-app.ts`) to remember.
 */
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { clampDockWidth } from '../live/dock-width';
import { adoptDocumentStyles } from './document-styles';
import './live-panel';

const WIDTH_KEY = 'vol-live-dock-width';

const dockStyles = css`
  vol-live-dock {
    display: flex;
    flex: none;
    position: sticky;
    top: 0;
    height: 100vh;
    border-left: 1px solid var(--vol-border);
    background: var(--vol-surface);
  }
  vol-live-dock .resize {
    flex: none;
    width: 6px;
    cursor: col-resize;
    background: var(--vol-border-muted);
  }
  vol-live-dock .resize:focus-visible {
    outline: 2px solid var(--vol-accent);
  }
  vol-live-dock vol-live-panel {
    flex: 1;
    min-width: 0;
  }
`;

@customElement('vol-live-dock')
export class LiveDock extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    adoptDocumentStyles(dockStyles);
    return this;
  }

  @state() private width = clampDockWidth(Number(localStorage.getItem(WIDTH_KEY)), innerWidth);

  private setWidth(width: number): void {
    this.width = clampDockWidth(width, innerWidth);
    localStorage.setItem(WIDTH_KEY, String(this.width));
  }

  private readonly onPointerDown = (down: PointerEvent): void => {
    const handle = down.currentTarget as HTMLElement;
    handle.setPointerCapture(down.pointerId);
    const start = this.width;
    const move = (e: PointerEvent) => this.setWidth(start + (down.clientX - e.clientX));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };

  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowLeft') this.setWidth(this.width + 40);
    else if (e.key === 'ArrowRight') this.setWidth(this.width - 40);
    else return;
    e.preventDefault();
  };

  override render() {
    this.style.width = `${this.width}px`;
    return html`<div
        class="resize"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the live panel"
        aria-valuenow=${this.width}
        tabindex="0"
        @pointerdown=${this.onPointerDown}
        @keydown=${this.onKey}
      ></div>
      <vol-live-panel></vol-live-panel>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-live-dock': LiveDock;
  }
}
